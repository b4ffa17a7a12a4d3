<?php
// Objects, permissions, keys, removal and reuse.
$key = ftok(__FILE__, 'l');
var_dump(msg_queue_exists($key));
$q = msg_get_queue($key, 0640);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $key) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($key)) msg_remove_queue($q); }); // cleanup even on failure
var_dump(msg_queue_exists($key), msg_stat_queue($q)['msg_perm.mode']);
$q2 = msg_get_queue($key, 0600);                        // exists: permissions ignored
var_dump(msg_stat_queue($q2)['msg_perm.mode']);
var_dump($q == $q2, $q === $q2);
try { var_dump($q < $q2); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
unset($q2);                                             // freeing the object keeps the queue
var_dump(msg_queue_exists($key));
var_dump(msg_set_queue($q, ['msg_perm.mode' => "0600", 'msg_perm.uid' => 0, 'msg_perm.gid' => 0.0, 'unknown' => 1]));
var_dump(decoct(msg_stat_queue($q)['msg_perm.mode']));
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0777, 'msg_qbytes' => "16384"]));
$s = msg_stat_queue($q);
var_dump(decoct($s['msg_perm.mode']), $s['msg_qbytes'], $s['msg_qnum'], $s['msg_lspid'], $s['msg_lrpid'], $s['msg_stime'], $s['msg_rtime']);
var_dump(msg_set_queue($q, ['msg_qbytes' => -1]));
var_dump(msg_set_queue($q, ['msg_qbytes' => PHP_INT_MAX]));
msg_send($q, 1, "x");
$s = msg_stat_queue($q);
var_dump($s['msg_qnum'], $s['msg_lspid'] === getmypid(), $s['msg_stime'] > 0);
var_dump(msg_remove_queue($q), msg_queue_exists($key));
var_dump(msg_remove_queue($q));
var_dump(msg_stat_queue($q), msg_set_queue($q, []));
var_dump(msg_send($q, 1, "x", true, false, $e), $e === 0 ? 0 : "errno set");
// Odd keys and permissions.
foreach ([-1, PHP_INT_MAX, 0x100000000 + $key] as $k) {
    $x = @msg_get_queue($k, 0600);
    echo "key ", $k === $key ? "key" : ($k > 0x100000000 ? "key+2^32" : $k), ": ", $x ? "queue" : "false", "\n";
    if ($x) { var_dump(msg_remove_queue($x)); }
}
var_dump(msg_get_queue(-1, 01000 | 0600) instanceof SysvMessageQueue);
foreach (msg_queue_exists(-1) ? [msg_get_queue(-1)] : [] as $x) msg_remove_queue($x);
var_dump((new ReflectionClass('SysvMessageQueue'))->isFinal(), (new ReflectionClass('SysvMessageQueue'))->getConstructor(),
    (new ReflectionClass('SysvMessageQueue'))->isInstantiable(), (new ReflectionClass('SysvMessageQueue'))->isCloneable());
try { new SysvMessageQueue(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { (new ReflectionClass('SysvMessageQueue'))->newInstanceWithoutConstructor(); echo "created\n"; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { unserialize('O:16:"SysvMessageQueue":0:{}'); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$q = msg_get_queue($key);
try { clone $q; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { serialize([$q]); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { $q->dyn = 1; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(isset($q->dyn), $q->dyn ?? "unset"); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($q, (array) $q, json_encode($q), get_object_vars($q), spl_object_id($q) > 0);
try { var_dump(msg_send($q, 1, $q)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(msg_stat_queue($q)['msg_qnum']);
msg_remove_queue($q);
