--TEST--
sysvmsg: msg_stat_set_remove (expected output recorded from native sysvmsg)
--EXTENSIONS--
sysvmsg
posix
pcntl
--FILE--
<?php
$key = ftok(__FILE__, 't');
$q = msg_get_queue($key, 0600);
msg_send($q, 1, "x");
$s = msg_stat_queue($q);
var_dump(array_keys($s), $s['msg_qnum'], $s['msg_lspid'] === getmypid(), decoct($s['msg_perm.mode']));
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0644, 'msg_qbytes' => 8192]));
$s = msg_stat_queue($q);
var_dump(decoct($s['msg_perm.mode']), $s['msg_qbytes']);
var_dump(msg_set_queue($q, ['msg_qbytes' => -1]));
try { msg_set_queue($q, "no"); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
try { msg_stat_queue(new stdClass); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump(msg_queue_exists($key), msg_remove_queue($q), msg_queue_exists($key));
var_dump(msg_remove_queue($q), msg_stat_queue($q), msg_set_queue($q, []));
--EXPECTF--
array(10) {
  [0]=>
  string(12) "msg_perm.uid"
  [1]=>
  string(12) "msg_perm.gid"
  [2]=>
  string(13) "msg_perm.mode"
  [3]=>
  string(9) "msg_stime"
  [4]=>
  string(9) "msg_rtime"
  [5]=>
  string(9) "msg_ctime"
  [6]=>
  string(8) "msg_qnum"
  [7]=>
  string(10) "msg_qbytes"
  [8]=>
  string(9) "msg_lspid"
  [9]=>
  string(9) "msg_lrpid"
}
int(1)
bool(true)
string(3) "600"
bool(true)
string(3) "644"
int(8192)
bool(false)
msg_set_queue(): Argument #2 ($data) must be of type array, string given
msg_stat_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, stdClass given
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
