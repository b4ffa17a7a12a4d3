--TEST--
posix_mkfifo(): creates a FIFO (mode & ~umask); failures return false with errno, no warning
--EXTENSIONS--
posix
--FILE--
<?php
$dir = sys_get_temp_dir() . '/phpipc-phpt-mkfifo-' . getmypid();
mkdir($dir);
umask(022);
var_dump(posix_mkfifo("$dir/f", 0666));
clearstatcache();
var_dump(filetype("$dir/f"), decoct(fileperms("$dir/f") & 0777));
var_dump(posix_mkfifo("$dir/f", 0666), posix_get_last_error());
var_dump(posix_mkfifo("$dir/missing/f", 0666), posix_get_last_error());
var_dump(posix_mkfifo("", 0666), posix_get_last_error());
try { posix_mkfifo("$dir/a\0b", 0666); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { posix_mkfifo("$dir/g"); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
var_dump(posix_mkfifo("$dir/g", 0));
clearstatcache();
var_dump(decoct(fileperms("$dir/g") & 0777));
?>
--CLEAN--
<?php
$dir = sys_get_temp_dir() . '/phpipc-phpt-mkfifo-';
foreach (glob("$dir*") as $d) { @unlink("$d/f"); @unlink("$d/g"); @rmdir($d); }
--EXPECT--
bool(true)
string(4) "fifo"
string(3) "644"
bool(false)
int(17)
bool(false)
int(2)
bool(false)
int(2)
posix_mkfifo(): Argument #1 ($filename) must not contain any null bytes
posix_mkfifo() expects exactly 2 arguments, 1 given
bool(true)
string(1) "0"
