--TEST--
socket_addrinfo_bind(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$ai = socket_addrinfo_lookup('127.0.0.1', '0', ['ai_family' => AF_INET, 'ai_socktype' => SOCK_DGRAM]);
$s = t(fn() => socket_addrinfo_bind($ai[0])); socket_getsockname($s, $a); var_dump($a);
$ai = socket_addrinfo_lookup('192.0.2.7', '0', ['ai_family' => AF_INET, 'ai_socktype' => SOCK_DGRAM, 'ai_flags' => AI_NUMERICHOST]);
t(fn() => socket_addrinfo_bind($ai[0]));
?>
--EXPECTF--
object(Socket)#3 (0) {
}
string(9) "127.0.0.1"

Warning: socket_addrinfo_bind(): Unable to bind address [99]: Cannot assign requested address in %s on line 6
bool(false)
