--TEST--
posix_mknod(): regular files, FIFOs, devices (major required), errno
--EXTENSIONS--
posix
--FILE--
<?php
$dir = sys_get_temp_dir() . '/phpipc-phpt-mknod-' . getmypid();
mkdir($dir);
var_dump(posix_mknod("$dir/reg", POSIX_S_IFREG | 0600));
var_dump(posix_mknod("$dir/fifo", POSIX_S_IFIFO | 0600));
var_dump(posix_mknod("$dir/null", POSIX_S_IFCHR | 0666, 1, 3));
clearstatcache();
var_dump(filetype("$dir/reg"), filetype("$dir/fifo"), filetype("$dir/null"));
var_dump(posix_mknod("$dir/reg", POSIX_S_IFREG | 0600), posix_get_last_error());
foreach ([POSIX_S_IFCHR, POSIX_S_IFBLK, POSIX_S_IFSOCK] as $m) {
    try { posix_mknod("$dir/x", $m | 0600); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
}
var_dump(posix_mknod("$dir/no/x", POSIX_S_IFREG), posix_get_last_error());
try { posix_mknod("$dir/a\0", 0); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
?>
--CLEAN--
<?php
foreach (glob(sys_get_temp_dir() . '/phpipc-phpt-mknod-*') as $d) { foreach (glob("$d/*") as $f) unlink($f); rmdir($d); }
--EXPECT--
bool(true)
bool(true)
bool(true)
string(4) "file"
string(4) "fifo"
string(4) "char"
bool(false)
int(17)
posix_mknod(): Argument #3 ($major) cannot be 0 for the POSIX_S_IFCHR and POSIX_S_IFBLK modes
posix_mknod(): Argument #3 ($major) cannot be 0 for the POSIX_S_IFCHR and POSIX_S_IFBLK modes
posix_mknod(): Argument #3 ($major) cannot be 0 for the POSIX_S_IFCHR and POSIX_S_IFBLK modes
bool(false)
int(2)
posix_mknod(): Argument #1 ($filename) must not contain any null bytes
