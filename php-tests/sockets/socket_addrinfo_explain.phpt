--TEST--
socket_addrinfo_explain(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$ai = socket_addrinfo_lookup('127.0.0.1', '8080', ['ai_family' => AF_INET, 'ai_socktype' => SOCK_STREAM, 'ai_flags' => AI_NUMERICHOST]);
t(fn() => socket_addrinfo_explain($ai[0]));
$ai = socket_addrinfo_lookup('::1', '53', ['ai_family' => AF_INET6, 'ai_socktype' => SOCK_DGRAM, 'ai_flags' => AI_NUMERICHOST]);
if ($ai) t(fn() => socket_addrinfo_explain($ai[0]));
t(fn() => socket_addrinfo_explain(1));
?>
--EXPECT--
array(5) {
  ["ai_flags"]=>
  int(4)
  ["ai_family"]=>
  int(2)
  ["ai_socktype"]=>
  int(1)
  ["ai_protocol"]=>
  int(6)
  ["ai_addr"]=>
  array(2) {
    ["sin_port"]=>
    int(8080)
    ["sin_addr"]=>
    string(9) "127.0.0.1"
  }
}
array(5) {
  ["ai_flags"]=>
  int(4)
  ["ai_family"]=>
  int(10)
  ["ai_socktype"]=>
  int(2)
  ["ai_protocol"]=>
  int(17)
  ["ai_addr"]=>
  array(2) {
    ["sin6_port"]=>
    int(53)
    ["sin6_addr"]=>
    string(3) "::1"
  }
}
TypeError: socket_addrinfo_explain(): Argument #1 ($address) must be of type AddressInfo, int given
