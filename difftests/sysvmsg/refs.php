<?php
// By-reference out parameters on every success and failure path, plain and typed references.
$key = ftok(__FILE__, 'r');
$q = msg_get_queue($key);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
function dump(...$v) { foreach ($v as $x) var_dump($x); }
class Holder { public int $type = -5; public string $msg = "init"; public ?int $err = null; public array $arr = []; }

$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e)); dump($t, $m, $e);   // ENOMSG
msg_send($q, 7, "seven");
$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e)); dump($t, $m, $e);                // ok
msg_send($q, 8, "a long message");
$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 3, $m, true, MSG_IPC_NOWAIT, $e)); dump($t, $m, $e);     // E2BIG
var_dump(msg_receive($q, 0, $t, 3, $m, false, MSG_NOERROR, $e)); dump($t, $m, $e);      // truncated
msg_send($q, 9, "not serialized", false);
$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e)); dump($t, $m, $e);               // corrupted
// Typed references.
$h = new Holder;
msg_send($q, 3, "typed");
var_dump(msg_receive($q, 0, $h->type, 100, $h->msg, true, 0, $h->err)); var_dump($h);
msg_send($q, 4, [1, 2]);
try { var_dump(msg_receive($q, 0, $h->type, 100, $h->msg, true, 0, $h->err)); } catch (Throwable $ex) { echo get_class($ex), ": ", $ex->getMessage(), "\n"; }
var_dump($h);
msg_send($q, 4, [1, 2]);
var_dump(msg_receive($q, 0, $h->type, 100, $h->arr)); var_dump($h);
try { var_dump(msg_receive($q, 0, $h->msg, 100, $h->arr, true, MSG_IPC_NOWAIT, $h->err)); } catch (Throwable $ex) { echo get_class($ex), ": ", $ex->getMessage(), "\n"; }
var_dump($h);
// Out params in arrays and static refs.
$arr = [];
msg_send($q, 5, ["x" => new ArrayObject([1])]);
var_dump(msg_receive($q, 5, $arr['t'], 1000, $arr['m'], true, 0, $arr['e'])); var_dump($arr);
// Error code on a failed send.
$err = "unchanged";
var_dump(msg_send($q, -1, "bad", true, true, $err)); var_dump($err);
$err = "unchanged";
var_dump(msg_send($q, 1, "good", true, true, $err)); var_dump($err);
msg_remove_queue($q);
$t = "old"; $m = "old"; $e = "old";
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e)); dump($t, $m, $e);   // EINVAL/EIDRM
$err = 0;
var_dump(msg_send($q, 1, "gone", true, false, $err)); var_dump($err);
