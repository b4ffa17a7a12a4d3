<?php
// Thousands of calls with random argument types/values (seeded): results,
// warnings and exception classes/messages must match native, never a crash.
// FUZZ=long: 100000 calls, one line per 1,000-call block (md5 and size of
// the block's output, warnings included) so that a mismatch shows the first
// differing block; FUZZ_SHOW=<block> prints that block's calls in full.
// Default: 4000 calls, each printed.
require __DIR__ . '/lib/fuzz.php';
fuzz_setup(4000, 20261127);
set_error_handler(function ($no, $str) { echo "  E$no: $str\n"; return true; });
$dir = __DIR__;
function fresh() {
    static $pool = [];
    $k = mt_rand(0, 4);
    switch ($k) {
        case 0: $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP); break;
        case 1: $s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP); break;
        case 2: $s = socket_create(AF_UNIX, SOCK_STREAM, 0); break;
        case 3: $s = socket_create(AF_UNIX, SOCK_DGRAM, 0); break;
        // The peers stay open (bounded, so FUZZ=long stays under the fd limit).
        default: socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); $s = $p[0]; $pool[] = $p[1]; if (count($pool) > 64) array_shift($pool); break;
    }
    socket_set_nonblock($s);
    if (mt_rand(0, 9) === 0) { socket_close($s); }
    return $s;
}
function val() {
    switch (mt_rand(0, 17)) {
        case 0: return null;
        case 1: return mt_rand(-3, 3);
        case 2: return mt_rand(0, 1) === 1;
        case 3: return [1, 2];
        case 4: return "127.0.0.1";
        case 5: return "";
        case 6: return "abc";
        case 7: return 1.5;
        case 8: return new stdClass;
        case 9: return mt_rand(-100000, 100000);
        case 10: return "12";
        case 11: return ["sec" => mt_rand(0, 2), "usec" => mt_rand(0, 1000)];
        case 12: return ["l_onoff" => mt_rand(0, 1), "l_linger" => mt_rand(0, 3)];
        case 13: return fresh();
        case 14: return PHP_INT_MAX;
        case 15: return "127.0.0.2";
        case 16: return [fresh(), fresh()];
        default: return mt_rand(0, 64);
    }
}
$fns = [
    'socket_create' => 3, 'socket_create_listen' => 2, 'socket_accept' => 1, 'socket_set_nonblock' => 1, 'socket_set_block' => 1,
    'socket_listen' => 2, 'socket_close' => 1, 'socket_write' => 3, 'socket_read' => 3, 'socket_getsockname' => 3, 'socket_getpeername' => 3,
    'socket_connect' => 3, 'socket_strerror' => 1, 'socket_bind' => 3, 'socket_recv' => 4, 'socket_send' => 4, 'socket_recvfrom' => 6,
    'socket_sendto' => 6, 'socket_get_option' => 3, 'socket_set_option' => 4, 'socket_create_pair' => 4, 'socket_shutdown' => 2,
    'socket_last_error' => 1, 'socket_clear_error' => 1, 'socket_select' => 5, 'socket_cmsg_space' => 3, 'socket_addrinfo_explain' => 1,
    'socket_sendmsg' => 3, 'socket_recvmsg' => 3,
];
$names = array_keys($fns);
$levels = [SOL_SOCKET, SOL_TCP, SOL_UDP, IPPROTO_IP, IPPROTO_IPV6, 0, 99];
$opts = [SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_LINGER, SO_RCVTIMEO, SO_SNDTIMEO, SO_TYPE, SO_ERROR, SO_RCVBUF, SO_SNDBUF, SO_BROADCAST,
         TCP_NODELAY, IP_MULTICAST_TTL, IP_MULTICAST_LOOP, IPV6_V6ONLY, IPV6_UNICAST_HOPS, SO_DEBUG, SO_OOBINLINE, SO_RCVLOWAT, 1000];
/** The int a coercive int parameter of an internal function would see (null
 * and fractional or leading-numeric values with their deprecation/warning), or
 * null for a TypeError. */
function as_int($v): ?int {
    if ($v === null || is_int($v) || is_bool($v)) return (int) $v;
    if (is_float($v)) return is_finite($v) && abs($v) < 9.2e18 ? (int) $v : null;
    if (is_string($v) && preg_match('/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/', $v, $m)) return as_int((float) $m[0]);
    return null;
}
function describe($r) {
    if ($r instanceof Socket) return "Socket";
    if (is_array($r)) { $o = []; foreach ($r as $k => $v) $o[] = "$k=" . describe($v); return "[" . implode(",", $o) . "]"; }
    if (is_object($r)) return get_class($r);
    if (is_resource($r)) return "resource";
    return var_export($r, true);
}
for ($i = 0; $i < $CALLS; $i++) {
    block_begin($i);
    $f = $names[mt_rand(0, count($names) - 1)];
    $n = mt_rand(0, $fns[$f] + 1);
    $args = [];
    for ($j = 0; $j < $n; $j++) {
        $r = mt_rand(0, 3);
        if ($j === 0 && $r > 0 && !in_array($f, ['socket_create', 'socket_create_listen', 'socket_strerror', 'socket_create_pair', 'socket_select', 'socket_cmsg_space'])) { $args[] = fresh(); continue; }
        if (($f === 'socket_get_option' || $f === 'socket_set_option') && $j === 1 && $r > 0) { $args[] = $levels[mt_rand(0, count($levels) - 1)]; continue; }
        if (($f === 'socket_get_option' || $f === 'socket_set_option') && $j === 2 && $r > 0) { $args[] = $opts[mt_rand(0, count($opts) - 1)]; continue; }
        if ($f === 'socket_create_listen' && $j === 0) { $args[] = 0; continue; }
        // (socket_read's third argument is its mode, below.)
        // Lengths stay below 64 KiB: PHP_INT_MAX ends the script on the memory
        // limit (natively too; checked once after the loop).
        if (in_array($f, ['socket_recv', 'socket_recvfrom']) && $j === 2) { $v = val(); $args[] = is_int($v) ? $v & 0xffff : $v; continue; }
        if ($f === 'socket_read' && $j === 1) { $args[] = mt_rand(-2, 100); continue; }
        // PHP_NORMAL_READ on an empty non-blocking socket spins forever in native code.
        if ($f === 'socket_read' && $j === 2) { $args[] = [PHP_BINARY_READ, 0, 'abc', null, 7][mt_rand(0, 4)]; continue; }
        if ($f === 'socket_select' && $j === 3) { $args[] = 0; continue; }
        if ($f === 'socket_select' && $j === 4) { $args[] = mt_rand(0, 1000); continue; }
        $args[] = val();
    }
    if ($f === 'socket_connect' || $f === 'socket_sendto' || $f === 'socket_bind') {
        // Only loopback/unix names: no DNS, no outside traffic.
        foreach ($args as $k => $a) if (is_string($a) && $a !== '' && $a !== '127.0.0.1' && $a !== '::1') $args[$k] = "127.0.0.1";
    }
    // Options whose native answer changes from run to run are not compared:
    // a zero-length result (IP_OPTIONS, IP_PKTOPTIONS, SO_BINDTODEVICE,
    // SO_GET_FILTER, SO_PEERGROUPS, TCP_REPAIR_WINDOW, TCP_ULP, TCP 33 unset)
    // makes native print its uninitialised int (stack garbage; php-ipc prints
    // 0), SO_PEERCRED is the peer's pid, TCP_TIMESTAMP the clock. Found by
    // probing every (level, option) natively three times.
    $unstable = [IPPROTO_IP => [4, 9], SOL_SOCKET => [17, 25, 26, 59], SOL_TCP => [24, 28, 31, 33]];
    if ($f === 'socket_get_option' && in_array(as_int($args[2] ?? null), $unstable[as_int($args[1] ?? null)] ?? [], true)) {
        $args[2] = SO_TYPE;
    }
    echo "$i $f(", implode(", ", array_map('describe', $args)), ")\n";
    try {
        $r = $f(...$args);
        echo "  => ", describe($r), "\n";
    } catch (Throwable $e) {
        echo "  ", get_class($e), ": ", $e->getMessage(), "\n";
    }
    block_end($i);
}
echo "done\n";
// socket_recv() with length PHP_INT_MAX: PHP 8.2 allocates it (the memory-limit
// fatal error), its `(len + 1) < 2` check overflowing there; PHP 8.4 returns false.
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
var_dump(socket_read($pair[0], PHP_INT_MAX));
var_dump(socket_recv($pair[0], $buf, PHP_INT_MAX, 0));
echo "reached on PHP 8.4 only\n";
