<?php
// Creation, argument validation, closed sockets, class restrictions, errors.
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
t(fn() => socket_create(AF_INET, SOCK_STREAM, SOL_TCP));
t(fn() => socket_create(AF_INET6, SOCK_DGRAM, 0));
t(fn() => socket_create(AF_UNIX, SOCK_STREAM, 0));
t(fn() => socket_create(99, SOCK_STREAM, 0));
t(fn() => socket_create(AF_INET, 11, 0));
t(fn() => socket_create(AF_INET, SOCK_STREAM, 9999));
echo socket_last_error(), " ", socket_strerror(socket_last_error()), "\n";
socket_clear_error(); var_dump(socket_last_error());
t(fn() => socket_create(AF_INET, SOCK_SEQPACKET, 0));
t(fn() => socket_create("x", 1, 1));
t(fn() => socket_create(AF_INET, SOCK_STREAM));
t(fn() => socket_create("2", 1.0, true));
foreach ([0, 1, 4, 11, 22, 98, 104, 111, 115, -10001, -10002, -10003, -10004, -10005, -1, 99999] as $e) echo $e, ": ", socket_strerror($e), "\n";
t(fn() => socket_strerror(PHP_INT_MAX));
t(fn() => socket_strerror("abc"));
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_close($s);
foreach (['socket_listen','socket_close','socket_last_error','socket_clear_error','socket_set_block','socket_set_nonblock','socket_accept','socket_export_stream','socket_shutdown'] as $f) t(fn() => $f($s));
t(fn() => socket_write($s, "x"));
t(fn() => socket_read($s, 10));
t(fn() => socket_bind($s, "127.0.0.1"));
t(fn() => socket_connect($s, "127.0.0.1", 1));
try { var_dump(socket_getsockname($s, $a)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
t(fn() => socket_get_option($s, SOL_SOCKET, SO_TYPE));
t(fn() => socket_set_option($s, SOL_SOCKET, SO_REUSEADDR, 1));
t(fn() => socket_send($s, "x", 1, 0));
try { var_dump(socket_recv($s, $buf, 1, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
t(fn() => socket_sendto($s, "x", 1, 0, "127.0.0.1", 1));
try { var_dump(socket_recvfrom($s, $buf, 1, 0, $a, $p)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$r = [$s]; try { var_dump(socket_select($r, $w, $e, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
t(fn() => new Socket);
t(fn() => new AddressInfo);
$s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t(fn() => clone $s);
t(fn() => serialize($s));
t(fn() => unserialize('O:6:"Socket":0:{}'));
t(fn() => unserialize('O:11:"AddressInfo":0:{}'));
try { $s->x = 1; } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($s, $s == $s, (array)$s, $s instanceof Socket);
$rc = new ReflectionClass('Socket'); var_dump($rc->isFinal(), $rc->isInstantiable(), $rc->isCloneable(), $rc->getConstructor());
t(fn() => socket_bind($s, "nonexistent.invalid", 1));
echo socket_last_error($s), " ", socket_last_error(), "\n";
t(fn() => socket_bind($s, "127.0.0.1", 0));
t(fn() => socket_bind($s, "127.0.0.1", 0));
echo socket_last_error($s), "\n";
socket_clear_error($s); echo socket_last_error($s), " ", socket_last_error(), "\n";
t(fn() => socket_listen($s, 5));
try { var_dump(socket_getsockname($s, $addr, $port)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($addr, $port > 0);
try { var_dump(socket_getpeername($s, $addr, $port)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(socket_getsockname($s)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(socket_getsockname($s, 1)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
// Bind a second socket to the same port: EADDRINUSE.
$s2 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t(fn() => socket_bind($s2, "127.0.0.1", $port));
echo socket_last_error($s2), "\n";
// Connect refused and non-blocking connect.
$c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
t(fn() => socket_connect($c, "127.0.0.1"));
t(fn() => socket_connect($c, "127.0.0.1", null));
$c6 = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
t(fn() => socket_connect($c6, "::1"));
$u = socket_create(AF_UNIX, SOCK_STREAM, 0);
t(fn() => socket_connect($u, str_repeat("a", 108)));
t(fn() => socket_connect($u, str_repeat("a", 107)));
t(fn() => socket_bind($u, str_repeat("b", 200)));
t(fn() => socket_connect($u, __DIR__ . "/nonexistent.sock"));
t(fn() => socket_write($s, "x", -1));
t(fn() => socket_write($s, "abc"));
t(fn() => socket_read($s, 0));
t(fn() => socket_read($s, -5));
t(fn() => socket_read($s, 10));
t(fn() => socket_send($s, "abc", -1, 0));
try { var_dump(socket_recv($s, $buf, 0, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($buf ?? 'unset');
try { var_dump(socket_recv($s, $buf, 10, MSG_DONTWAIT)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($buf);
echo socket_last_error($s), "\n";
t(fn() => socket_set_nonblock($s));
t(fn() => socket_accept($s));
echo socket_last_error(), " ", socket_last_error($s), "\n";
t(fn() => socket_set_block($s));
t(fn() => socket_shutdown($s, 5));
t(fn() => socket_shutdown($c, 0));
t(fn() => socket_sendto($s, "x", 1, 0, "127.0.0.1"));
t(fn() => socket_sendto($s, "x", -1, 0, "127.0.0.1", 1));
try { var_dump(socket_recvfrom($s, $buf, 0, 0, $a)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(socket_recvfrom($s, $buf, 10, 0, $a)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
t(fn() => socket_last_error("x"));
t(fn() => socket_last_error(null));
try { var_dump(socket_select($n1, $n2, $n3, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = [1]; try { var_dump(socket_select($arr, $n2, $n3, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = [new stdClass]; try { var_dump(socket_select($arr, $n2, $n3, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = []; try { var_dump(socket_select($arr, $n2, $n3, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = "x"; try { var_dump(socket_select($arr, $n2, $n3, 0)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$arr = [$s]; try { var_dump(socket_select($arr, $n2, $n3, -1)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($arr);
$arr = ['k' => $s, 5 => $c]; try { var_dump(socket_select($arr, $n2, $n3, 0, 10)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($arr);
$w = ['x' => $c, 'y' => $s2]; $e = [$s]; try { var_dump(socket_select($n1, $w, $e, 0, 2000000)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump(count($w), $e);
t(fn() => socket_create_listen(-1));
try { var_dump(socket_create_pair(AF_INET, SOCK_STREAM, 0, $pair)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($pair ?? null);
try { var_dump(socket_create_pair(99, SOCK_STREAM, 0, $pair)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(socket_create_pair(AF_UNIX, 12, 0, $pair)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { var_dump(socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump($pair);
$pair = "str"; try { var_dump(socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, $pair)); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } var_dump(count($pair));
echo "end\n";
