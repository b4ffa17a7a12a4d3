--TEST--
sysvmsg: msg_send_receive (expected output recorded from native sysvmsg)
--EXTENSIONS--
sysvmsg
posix
pcntl
--FILE--
<?php
$q = msg_get_queue(ftok(__FILE__, 's'));
var_dump(msg_send($q, 1, "text"), msg_send($q, 2, ["arr" => 1]), msg_send($q, 3, 3.5, false));
var_dump(msg_receive($q, 0, $type, 100, $msg), $type, $msg);
var_dump(msg_receive($q, 2, $type, 100, $msg), $type, $msg);
var_dump(msg_receive($q, 0, $type, 100, $msg, false), $type, $msg);
// Errors: type, size, flags, a message too large for max_message_size.
var_dump(msg_send($q, 0, "x", true, true, $err), $err);
try { msg_receive($q, 0, $type, 0, $msg); } catch (ValueError $e) { echo $e->getMessage(), "\n"; }
try { msg_send($q, 1, [], false); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
msg_send($q, 1, "0123456789");
var_dump(msg_receive($q, 0, $type, 5, $msg, true, MSG_IPC_NOWAIT, $err), $type, $msg, $err === 7 /* E2BIG */);
var_dump(msg_receive($q, 0, $type, 5, $msg, false, MSG_NOERROR), $msg);
var_dump(msg_receive($q, 0, $type, 5, $msg, false, MSG_IPC_NOWAIT, $err), $err === MSG_ENOMSG);
msg_send($q, 1, "not serialized", false);
var_dump(msg_receive($q, 0, $type, 100, $msg), $msg);
msg_remove_queue($q);
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
int(1)
string(4) "text"
bool(true)
int(2)
array(1) {
  ["arr"]=>
  int(1)
}
bool(true)
int(3)
string(8) "3.500000"

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line 8
bool(false)
int(22)
msg_receive(): Argument #4 ($max_message_size) must be greater than 0
msg_send(): Argument #3 ($message) must be of type string|int|float|bool, array given
bool(false)
int(0)
bool(false)
bool(true)
bool(true)
string(5) "s:10:"
bool(false)
bool(true)

Warning: msg_receive(): Message corrupted in %s on line 16
bool(false)
bool(false)
