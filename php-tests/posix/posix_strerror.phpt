--TEST--
posix_strerror(): libc texts, unknown numbers, truncation to int
--EXTENSIONS--
posix
--FILE--
<?php
var_dump(posix_strerror(0), posix_strerror(1), posix_strerror(2), posix_strerror(-1), posix_strerror(4294967298));
try { posix_strerror("x"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
string(7) "Success"
string(23) "Operation not permitted"
string(25) "No such file or directory"
string(16) "Unknown error -1"
string(25) "No such file or directory"
posix_strerror(): Argument #1 ($error_code) must be of type int, string given
