--TEST--
socket_addrinfo_connect(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$l = socket_create_listen(0); socket_getsockname($l, $a, $port);
$ai = socket_addrinfo_lookup('127.0.0.1', (string)$port, ['ai_family' => AF_INET, 'ai_socktype' => SOCK_STREAM]);
t(fn() => socket_addrinfo_connect($ai[0]) instanceof Socket);
socket_close($l); t(fn() => socket_addrinfo_connect($ai[0]));
t(fn() => socket_addrinfo_connect(null));
?>
--EXPECTF--
bool(true)

Warning: socket_addrinfo_connect(): Unable to connect address [111]: Connection refused in %s on line 6
bool(false)
TypeError: socket_addrinfo_connect(): Argument #1 ($address) must be of type AddressInfo, null given
