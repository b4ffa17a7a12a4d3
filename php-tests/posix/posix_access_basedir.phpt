--TEST--
posix_access()/posix_mkfifo()/posix_mknod(): open_basedir refuses silently (EPERM for access)
--EXTENSIONS--
posix
--FILE--
<?php
ini_set('open_basedir', __DIR__);
posix_kill(2147483647, 0);
var_dump(posix_access('/etc/passwd'), posix_get_last_error());
var_dump(posix_mkfifo('/tmp/phpipc-never', 0600), posix_get_last_error());
var_dump(posix_mknod('/tmp/phpipc-never', POSIX_S_IFREG), posix_get_last_error());
?>
--EXPECT--
bool(false)
int(1)
bool(false)
int(1)
bool(false)
int(1)
