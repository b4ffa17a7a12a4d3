--TEST--
socket_addrinfo_lookup(): behaviour and error paths (expected output recorded from native ext/sockets)
--EXTENSIONS--
sockets
--FILE--
<?php
function t(callable $f) { try { $r = $f(); var_dump($r); return $r; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; } }
$r = t(fn() => count(socket_addrinfo_lookup('127.0.0.1', '80', ['ai_socktype' => SOCK_STREAM, 'ai_flags' => AI_NUMERICHOST])));
t(fn() => socket_addrinfo_lookup('127.0.0.1', null, ['x' => 1]));
t(fn() => socket_addrinfo_lookup('bad host', null, ['ai_flags' => AI_NUMERICHOST]));
t(fn() => socket_addrinfo_lookup());
?>
--EXPECT--
int(1)
ValueError: socket_addrinfo_lookup(): Argument #3 ($hints) must only contain array keys "ai_flags", "ai_socktype", "ai_protocol", or "ai_family"
bool(false)
ArgumentCountError: socket_addrinfo_lookup() expects at least 1 argument, 0 given
