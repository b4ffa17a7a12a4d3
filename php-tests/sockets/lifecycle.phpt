--TEST--
sockets: a freed Socket closes its descriptor, socket_close closes it once, closed sockets throw
--EXTENSIONS--
sockets
--FILE--
<?php
function fds() { return count(scandir('/proc/self/fd')); }
$base = fds();
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
var_dump(fds() - $base);
unset($s);
var_dump(fds() - $base);
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
var_dump(fds() - $base);
$p = null;
var_dump(fds() - $base);
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_close($s);
var_dump(fds() - $base);
try { socket_write($s, "x"); } catch (Error $e) { echo $e->getMessage(), "\n"; }
// Cycles holding sockets are collected.
$a = new stdClass; $a->self = $a; $a->s = socket_create(AF_INET, SOCK_DGRAM, 0);
unset($a); gc_collect_cycles();
var_dump(fds() - $base);
// An exported stream keeps the descriptor alive after the Socket goes.
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
$st = socket_export_stream($s);
unset($s);
var_dump(fds() - $base, is_resource($st));
fclose($st);
var_dump(fds() - $base);
?>
--EXPECT--
int(1)
int(0)
int(2)
int(0)
int(0)
socket_write(): Argument #1 ($socket) has already been closed
int(0)
int(1)
bool(true)
int(0)
