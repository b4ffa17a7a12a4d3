--TEST--
posix_access(): modes, relative paths, errno (ENOENT, EIO for an empty path, EINVAL)
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_access(__FILE__), posix_access(__FILE__, POSIX_R_OK | POSIX_W_OK));
var_dump(posix_access('/no/such/file'), posix_get_last_error());
var_dump(posix_access(''), posix_get_last_error());
var_dump(posix_access('/', 99), posix_get_last_error());
chdir('/etc');
var_dump(posix_access('passwd', POSIX_R_OK), posix_access('../etc/passwd'));
try { posix_access("a\0b"); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
var_dump(POSIX_F_OK, POSIX_X_OK, POSIX_W_OK, POSIX_R_OK);
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
int(2)
bool(false)
int(5)
bool(false)
int(22)
bool(true)
bool(true)
posix_access(): Argument #1 ($filename) must not contain any null bytes
int(0)
int(1)
int(2)
int(4)
