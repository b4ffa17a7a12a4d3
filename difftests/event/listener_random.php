<?php
// Seeded random call sequences on a few listeners: constructors with random
// option bits and targets, clients connecting, non-blocking loops, enable/
// disable/free/unset, callback and argument changes, getBase(), the fd
// property; callbacks randomly disable, free, re-enable, swap callbacks or
// throw. Every step prints what it returned (never fd numbers or ports).
function port_of($fd) { $s = socket_import_stream(fopen("php://fd/$fd", "r")); socket_getsockname($s, $ip, $port); return $port; }
function show($v) {
    if (is_object($v)) return get_class($v);
    if (is_array($v)) return "array(" . count($v) . ")";
    return json_encode($v);
}
function step($label, $f) {
    try { $r = $f(); echo $label, " -> ", show($r), "\n"; }
    catch (Throwable $x) { echo $label, " !! ", get_class($x), ": ", $x->getMessage(), "\n"; }
}

$accepted = [];
function make_cb($name) {
    return function ($l, $fd, $addr, $arg) use ($name) {
        global $accepted;
        $accepted[] = $fd; // the callback owns the fd: keep it open, as a server would
        $r = mt_rand(0, 19);
        echo "  cb $name arg=", show($arg), " addr=", is_array($addr) ? $addr[0] : show($addr), " action=$r\n";
        switch ($r) {
            case 0: echo "  disable ", show($l->disable()), "\n"; break;
            case 1: $l->free(); echo "  freed, fd ", show($l->fd), "\n"; break;
            case 2: $l->setCallback(make_cb("$name'"), "re$r"); break;
            case 3: $l->setCallback(make_cb("$name*")); break;
            case 4: throw new RuntimeException("cb $name");
            case 5: echo "  enable ", show($l->enable()), "\n"; break;
            case 6: echo "  base exit ", show($l->getBase()->exit()), "\n"; break;
            case 7: echo "  stop ", show($l->getBase()->stop()), "\n"; break;
        }
    };
}

$dir = __DIR__;
foreach ([11, 2024, 777, 31337, 5] as $seed) {
    mt_srand($seed);
    echo "=== seed $seed\n";
    $b = new EventBase;
    $ls = [null, null, null];
    $ports = [0, 0, 0];
    $clients = [];
    $streams = [];
    for ($i = 0; $i < 250; $i++) {
        $k = mt_rand(0, 2);
        $op = mt_rand(0, 15);
        $l = $ls[$k];
        $label = "$i L$k op$op";
        switch ($op) {
            case 0:
            case 1:
                $flags = [0, 2, 8, 10, 32, 34, 3, 6][mt_rand(0, 7)];
                $kind = mt_rand(0, 3);
                $target = match ($kind) {
                    0, 1 => "127.0.0.1:0",
                    2 => "unix:$dir/r$seed-$i.sock",
                    3 => stream_socket_server("tcp://127.0.0.1:0"),
                };
                // A blocking listening socket with flags 0 stays blocking and
                // PECL's accept loop then blocks for good (php-tests/event/listener_better.phpt).
                if ($kind == 3) stream_set_blocking($target, false);
                // The stream must outlive the listener: closing an fd that libevent still
                // watches, then reusing its number, leaves libevent's epoll set stale.
                // It keeps its fd, so the listener must not close it (CLOSE_ON_FREE) too.
                if ($kind == 3) { $streams[] = $target; $flags &= ~EventListener::OPT_CLOSE_ON_FREE; }
                $arg = [null, "a$i", [$i]][mt_rand(0, 2)];
                step("$label new flags=$flags kind=$kind", function () use (&$ls, &$ports, $k, $b, $flags, $target, $arg, $i, $kind) {
                    $ls[$k] = new EventListener($b, make_cb("L$k#$i"), $arg, $flags, [-1, 200, 1000][$i % 3], $target);
                    $ports[$k] = $kind == 2 ? $target : port_of($ls[$k]->fd);
                    return true;
                });
                break;
            case 2:
            case 3:
            case 4:
                if (!$ports[$k]) { echo "$label no port\n"; break; }
                $n = mt_rand(1, 4);
                // Far below the backlog: a full queue would make connects wait.
                if (count($clients) > 100) $clients = [];
                for ($j = 0; $j < $n; $j++) {
                    $addr = is_string($ports[$k]) ? "unix://" . substr($ports[$k], 5) : "tcp://127.0.0.1:" . $ports[$k];
                    $c = @stream_socket_client($addr, $errno, $errstr, 1);
                    if ($c) $clients[] = $c;
                }
                echo "$label connect $n\n";
                break;
            case 5:
            case 6:
            case 7:
                step("$label loop", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
                break;
            case 8:
                step("$label enable", fn() => $l ? $l->enable() : "none");
                break;
            case 9:
                step("$label disable", fn() => $l ? $l->disable() : "none");
                break;
            case 10:
                step("$label free", fn() => $l ? $l->free() : "none");
                break;
            case 11:
                step("$label unset", function () use (&$ls, $k) { $ls[$k] = null; return true; });
                break;
            case 12:
                step("$label setCallback", fn() => $l ? $l->setCallback(make_cb("L$k@$i"), mt_rand(0, 1) ? "s$i" : null) : "none");
                break;
            case 13:
                step("$label setErrorCallback", fn() => $l ? $l->setErrorCallback(function ($l, $arg) { echo "  error cb\n"; }) : "none");
                break;
            case 14:
                step("$label fd", fn() => $l ? [isset($l->fd), $l->fd === null] : "none");
                break;
            case 15:
                step("$label getBase", fn() => $l ? get_class($l->getBase()) . " " . json_encode($l->getSocketName($a, $p)) : "none");
                break;
        }
    }
    echo "accepted so far: ", count($accepted), "\n";
    $ls = [null, null, null];
    $clients = [];
    $b->free();
    foreach (glob("$dir/r$seed-*.sock") as $f) unlink($f);
}
echo "done\n";
