<?php
// Event::__construct() on unusual descriptors and masks: which throw at
// construction, which give a malformed object, which fail at add(), with PECL's texts.
$b = new EventBase();
$tmp = tempnam(sys_get_temp_dir(), 'evd');
function t($label, $f) {
    echo "-- $label\n";
    try {
        $e = $f();
        var_dump($e);
        if ($e instanceof Event) {
            var_dump($e->add(), $e->add(0.01), $e->pending, $e->data);
            var_dump($e->del());
        }
    } catch (Throwable $x) { echo get_class($x), ": ", $x->getMessage(), "\n"; }
}
$cb = function ($fd, $w) { echo "cb $w\n"; };
$keep = [];
t("directory handle", fn() => new Event($b, opendir(sys_get_temp_dir()), Event::READ, $cb));
$f = fopen($tmp, 'r'); fclose($f);
t("closed stream", fn() => new Event($b, $f, Event::READ, $cb));
t("memory stream", fn() => new Event($b, fopen('php://memory', 'r'), Event::READ, $cb));
t("temp stream", fn() => new Event($b, fopen('php://temp', 'r'), Event::READ, $cb));
t("php://output", fn() => new Event($b, fopen('php://output', 'w'), Event::READ, $cb));
t("data: stream", fn() => new Event($b, fopen('data://text/plain,abc', 'r'), Event::READ, $cb));
t("stream context", fn() => new Event($b, stream_context_create(), Event::READ, $cb));
t("regular file READ", fn() => new Event($b, $keep[] = fopen($tmp, 'r'), Event::READ, $cb, "arg"));
t("regular file WRITE|ET", fn() => new Event($b, $keep[] = fopen($tmp, 'r'), Event::WRITE | Event::ET, $cb));
t("regular file READ|WRITE", fn() => new Event($b, $keep[] = fopen($tmp, 'r'), Event::READ | Event::WRITE, $cb));
t("regular file mask 0", fn() => new Event($b, $keep[] = fopen($tmp, 'r'), 0, $cb));
t("regular file TIMEOUT", fn() => new Event($b, $keep[] = fopen($tmp, 'r'), Event::TIMEOUT, $cb));
t("/dev/null READ", fn() => new Event($b, $keep[] = fopen('/dev/null', 'r'), Event::READ, $cb));
t("closed right after construction", fn() => new Event($b, fopen($tmp, 'r'), Event::READ, $cb));
t("socket stream dropped", fn() => new Event($b, stream_socket_server("udp://127.0.0.1:0", $en, $es, STREAM_SERVER_BIND), Event::READ, $cb));
t("fd 9999", fn() => new Event($b, 9999, Event::READ, $cb));
t("fd 9999 TIMEOUT", fn() => new Event($b, 9999, Event::TIMEOUT, $cb));
foreach ([-1, -5, null, "3", "abc", 1.5, [], true, false] as $fd) {
    foreach ([Event::READ, 0, Event::TIMEOUT, Event::PERSIST, Event::TIMEOUT | Event::PERSIST, Event::SIGNAL] as $what) {
        t("fd " . json_encode($fd) . " what $what", fn() => new Event($b, $fd, $what, $cb));
    }
}
t("stdClass", fn() => new Event($b, new stdClass, Event::READ, $cb));
foreach ([256, -1, 128, 64, 0x4000] as $what) {
    t("mask $what", fn() => new Event($b, 0, $what, $cb, "arg"));
}
t("signal 100", fn() => new Event($b, 100, Event::SIGNAL, $cb, "arg"));
t("signal 65", fn() => new Event($b, 65, Event::SIGNAL, $cb));
t("signal 64", fn() => new Event($b, 64, Event::SIGNAL, $cb));
t("signal -1|TIMEOUT", fn() => new Event($b, -1, Event::SIGNAL | Event::TIMEOUT, $cb));
t("SIGUSR1|TIMEOUT", fn() => new Event($b, SIGUSR1, Event::SIGNAL | Event::TIMEOUT, $cb));
t("signal as stream", fn() => new Event($b, STDERR, Event::SIGNAL, $cb));
$s = socket_create(AF_INET, SOCK_STREAM, 0); socket_close($s);
t("closed Socket", fn() => new Event($b, $s, Event::READ, $cb, "arg"));
t("open Socket, unconnected", fn() => new Event($b, $keep[] = socket_create(AF_INET, SOCK_STREAM, 0), Event::READ, $cb));
t("Event::timer", fn() => Event::timer($b, $cb, "a"));
t("Event::signal -1", fn() => Event::signal($b, -1, $cb));
t("Event::signal 65", fn() => Event::signal($b, 65, $cb));
t("Event::signal SIGUSR1", fn() => Event::signal($b, SIGUSR1, $cb, [1]));
t("invalid callable (accepted)", fn() => new Event($b, 0, Event::TIMEOUT, "no_such_function"));
unlink($tmp);
echo "-- SIGNAL|READ (PECL's fatal error)\n";
new Event($b, SIGUSR1, Event::SIGNAL | Event::READ, $cb);
echo "not reached\n";
