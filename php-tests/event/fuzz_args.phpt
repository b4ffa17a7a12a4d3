--TEST--
Event classes: thousands of calls with random argument types and values (seeded) never crash or raise internal errors
--EXTENSIONS--
event
--FILE--
<?php
mt_srand(20261127);
$b = new EventBase();
list($r, $w) = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$pool = function () use ($b, $r) {
    switch (mt_rand(0, 14)) {
        case 0: return null;
        case 1: return mt_rand(-3, 70);
        case 2: return mt_rand() / mt_getrandmax() * 4 - 2;
        case 3: return str_repeat('a', mt_rand(0, 5));
        case 4: return [];
        case 5: return new stdClass;
        case 6: return $b;
        case 7: return $r;
        case 8: return function () {};
        case 9: return PHP_INT_MAX;
        case 10: return -1;
        case 11: return INF;
        case 12: return true;
        case 13: return "1";
        default: return Event::READ | Event::PERSIST;
    }
};
$calls = [
    fn($a) => new Event($a[0], $a[1], $a[2], $a[3], $a[4]),
    fn($a) => Event::timer($a[0], $a[1], $a[2]),
    fn($a) => Event::signal($a[0], $a[1], $a[2]),
    fn($a) => (new Event($b, -1, Event::TIMEOUT, function () {}))->add($a[0]),
    fn($a) => (new Event($b, -1, Event::TIMEOUT, function () {}))->setPriority($a[0]),
    fn($a) => (new Event($b, -1, Event::TIMEOUT, function () {}))->pending($a[0]),
    fn($a) => (new Event($b, -1, Event::TIMEOUT, function () {}))->set($a[0], $a[1], $a[2], $a[3], $a[4]),
    // Never block: numeric flags always include LOOP_NONBLOCK; other types hit zpp errors.
    fn($a) => $b->loop(is_array($a[0]) || is_object($a[0]) || (is_string($a[0]) && !is_numeric($a[0])) ? $a[0] : (((int) $a[0] & 0xff) | EventBase::LOOP_NONBLOCK)),
    fn($a) => $b->exit($a[0]),
    fn($a) => $b->priorityInit($a[0]),
    fn($a) => $b->set($a[0]),
    fn($a) => new EventBase($a[0]),
    fn($a) => (new EventConfig)->avoidMethod($a[0]),
    fn($a) => (new EventConfig)->requireFeatures($a[0]),
    fn($a) => (new EventConfig)->setFlags($a[0]),
    fn($a) => (new EventConfig)->setMaxDispatchInterval($a[0], $a[1], $a[2]),
    fn($a) => EventUtil::getSocketFd($a[0]),
    fn($a) => EventUtil::setSocketOption($a[0], $a[1], $a[2], $a[3]),
    fn($a) => EventUtil::getSocketName($a[0], $x),
];
$seen = [];
$internal = 0;
for ($i = 0; $i < 4000; $i++) {
    $k = mt_rand(0, count($calls) - 1);
    $args = [$pool(), $pool(), $pool(), $pool(), $pool()];
    try {
        $res = @$calls[$k]($args);
        $seen[$k][get_debug_type($res)] = true;
    } catch (Throwable $t) {
        if (str_contains($t->getMessage(), 'php-ipc internal error')) { $internal++; echo $t->getMessage(), "\n"; }
        $seen[$k][get_class($t)] = true;
    }
}
// The base still works afterwards.
$b2 = new EventBase();
$ok = false;
$t = Event::timer($b2, function () use (&$ok) { $ok = true; });
$t->addTimer(0);
$b2->loop();
echo "internal errors: $internal, base works: ", var_export($ok, true), ", call kinds exercised: ", count($seen), "\n";
?>
--EXPECT--
internal errors: 0, base works: true, call kinds exercised: 19
