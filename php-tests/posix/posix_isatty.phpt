--TEST--
posix_isatty(): ints, numeric strings, streams, pty master, errors
--EXTENSIONS--
posix
--SKIPIF--
<?php if (PHP_VERSION_ID >= 80300) die("skip PHP 8.2's output; posix_isatty_84.phpt has 8.4's"); ?>
--FILE--
<?php
$p = @fopen('/dev/ptmx', 'r+');
var_dump($p === false ? true : posix_isatty($p));
$null = fopen('/dev/null', 'r');
var_dump(posix_isatty($null), posix_isatty(-1), posix_isatty(PHP_INT_MAX), posix_isatty(99), posix_isatty("abc"), posix_isatty(null));
$m = fopen('php://memory', 'r');
var_dump(posix_isatty($m));
try { posix_isatty(stream_context_create()); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump(posix_isatty(new stdClass) === posix_isatty(1));
?>
--EXPECTF--
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)

Warning: posix_isatty(): Could not use stream of type 'MEMORY' in %s on line 7
bool(false)
posix_isatty(): supplied resource is not a valid stream resource

Warning: Object of class stdClass could not be converted to int in %s on line 9
bool(true)
