--TEST--
posix_ttyname(): ints, streams (fd or warning), non-stream resources (TypeError), objects (PHP 8.4)
--EXTENSIONS--
posix
--SKIPIF--
<?php if (PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION !== '8.4') die("skip PHP 8.4's output; posix_ttyname.phpt has 8.2's"); ?>
--FILE--
<?php
$p = @fopen('/dev/ptmx', 'r+');
var_dump($p === false ? '/dev/ptmx' : posix_ttyname($p));
$null = fopen('/dev/null', 'r');
var_dump(posix_ttyname($null), posix_get_last_error());
var_dump(posix_ttyname(-1), posix_get_last_error());
var_dump(posix_ttyname(PHP_INT_MAX), posix_get_last_error());
$m = fopen('php://memory', 'r');
var_dump(posix_ttyname($m));
fclose($m);
try { posix_ttyname($m); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { posix_ttyname(stream_context_create()); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump(posix_ttyname(new stdClass));
?>
--EXPECTF--
string(9) "/dev/ptmx"
bool(false)
int(25)

Warning: posix_ttyname(): Argument #1 ($file_descriptor) must be between 0 and 2147483647 in %s on line 6
bool(false)
int(25)

Warning: posix_ttyname(): Argument #1 ($file_descriptor) must be between 0 and 2147483647 in %s on line 7
bool(false)
int(25)

Warning: posix_ttyname(): Could not use stream of type 'MEMORY' in %s on line 9
bool(false)
posix_ttyname(): supplied resource is not a valid stream resource
posix_ttyname(): supplied resource is not a valid stream resource

Warning: posix_ttyname(): Argument #1 ($file_descriptor) must be of type int|resource, stdClass given in %s on line 13

Warning: Object of class stdClass could not be converted to int in %s on line 13
bool(false)
