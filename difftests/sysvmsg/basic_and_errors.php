<?php
$KEY = ftok(__FILE__, "q"); if ($old = @msg_get_queue($KEY)) msg_remove_queue($old);
$q = msg_get_queue($KEY);
$__pid = getmypid(); register_shutdown_function(function () use (&$q, $__pid, $KEY) { if (getmypid() === $__pid && $q instanceof SysvMessageQueue && msg_queue_exists($KEY)) msg_remove_queue($q); }); // cleanup even on failure
var_dump($q);
var_dump(msg_send($q, 1, ["a"=>1, "b"=>[1,2]]));
var_dump(msg_send($q, 2, "hello"));
var_dump(msg_send($q, 3, 42, false));
var_dump(msg_send($q, 3, 1.5, false));
var_dump(msg_receive($q, 0, $t, 1024, $m)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 1024, $m)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 1024, $m, false)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 1024, $m)); var_dump($t, $m);
var_dump(msg_receive($q, 0, $t, 1024, $m, true, MSG_IPC_NOWAIT, $e)); var_dump($t, $m, $e);
try { msg_send($q, 1, [], false); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(msg_send($q, 0, "x", true, true, $err), $err);
try { msg_receive($q, 0, $t, 0, $m); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { msg_send("x", 1, 1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { msg_send($q, "abc", 1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump(msg_send($q, "5", 1), msg_send($q, 5.0, 1), msg_send($q, true, 1));
var_dump(msg_send($q, 5.5, 1));
try { new SysvMessageQueue; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { clone $q; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { serialize($q); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { $q->x = 1; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { msg_get_queue(); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$st = msg_stat_queue($q); var_dump(array_keys($st), $st['msg_qnum']);
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0600]));
var_dump(msg_stat_queue($q)['msg_perm.mode']);
var_dump(msg_queue_exists($KEY));
var_dump(msg_remove_queue($q));
var_dump(msg_queue_exists($KEY));
var_dump(msg_remove_queue($q));
var_dump(msg_send($q, 1, "x"));
$x = msg_get_queue(-1, 0); var_dump($x); if ($x) msg_remove_queue($x);
var_dump($q == $q);
try { var_dump($q < $q); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump((new ReflectionClass('SysvMessageQueue'))->getModifiers(), (new ReflectionClass('SysvMessageQueue'))->getConstructor());
