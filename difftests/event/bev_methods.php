<?php
// The EventBufferEvent API surface: constructor arguments, argument
// errors, properties, freed objects, TLS methods on a plain bufferevent.
function t($label, $f) {
    echo $label, ": ";
    try { $r = $f(); var_dump($r); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
$b = new EventBase();
[$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$closed = socket_create(AF_INET, SOCK_STREAM, SOL_TCP); socket_close($closed);

t("ctor null", fn() => (new EventBufferEvent($b))->getEnabled());
t("ctor null explicit", fn() => (new EventBufferEvent($b, null))->fd);
t("ctor stream", fn() => (new EventBufferEvent($b, $s1))->fd === EventUtil::getSocketFd($s1));
t("ctor socket", fn() => (new EventBufferEvent($b, $sock))->fd === EventUtil::getSocketFd($sock));
t("ctor int", fn() => (new EventBufferEvent($b, EventUtil::getSocketFd($s1)))->fd === EventUtil::getSocketFd($s1));
t("ctor STDIN", fn() => (new EventBufferEvent($b, STDIN))->fd);
t("ctor -1", fn() => new EventBufferEvent($b, -1));
t("ctor string", fn() => new EventBufferEvent($b, "abc"));
t("ctor float", fn() => new EventBufferEvent($b, 1.5));
t("ctor memory", fn() => new EventBufferEvent($b, fopen("php://memory", "r")));
t("ctor closed socket", fn() => (new EventBufferEvent($b, $closed))->fd);
t("ctor bad cb", fn() => new EventBufferEvent($b, null, 0, "nope"));
t("ctor bad cb 5", fn() => new EventBufferEvent($b, null, 0, null, [1, 2]));
t("ctor bad cb 6", fn() => new EventBufferEvent($b, null, 0, null, null, 42));
t("ctor options 4", fn() => (new EventBufferEvent($b, null, 4))->getEnabled());
t("ctor options 12", fn() => (new EventBufferEvent($b, null, 12))->getEnabled());
t("ctor options 1", fn() => (new EventBufferEvent($b, null, 1))->getEnabled());
t("ctor options 256", fn() => (new EventBufferEvent($b, null, 256))->getEnabled());
t("ctor no args", fn() => new EventBufferEvent());
t("ctor bad base", fn() => new EventBufferEvent(new stdClass));
t("ctor too many", fn() => new EventBufferEvent($b, null, 0, null, null, null, null, 8));
t("ctor options string", fn() => new EventBufferEvent($b, null, "x"));
t("ctor options null", fn() => (new EventBufferEvent($b, null, null))->getEnabled());

t("createPair", fn() => array_map(fn($x) => get_class($x), EventBufferEvent::createPair($b)));
t("createPair 2", fn() => EventBufferEvent::createPair($b, 2));
t("createPair 8", fn() => count(EventBufferEvent::createPair($b, 8)));
t("createPair -1", fn() => EventBufferEvent::createPair($b, -1));
t("createPair bad", fn() => EventBufferEvent::createPair(new stdClass));
t("createPair none", fn() => EventBufferEvent::createPair());

$bev = new EventBufferEvent($b, null, 0, null, null, null, "ARG");
print_r($bev); echo "\n";
print_r(get_object_vars($bev));
print_r((array) $bev);
t("input same", fn() => $bev->input === $bev->input);
t("getInput new", fn() => $bev->getInput() === $bev->getInput());
t("input class", fn() => get_class($bev->getOutput()));
t("isset fd", fn() => [isset($bev->fd), isset($bev->input), isset($bev->priority), isset($bev->allow_ssl_dirty_shutdown), isset($bev->nope)]);
t("empty", fn() => [empty($bev->fd), empty($bev->input), empty($bev->priority), empty($bev->allow_ssl_dirty_shutdown)]);
t("property_exists", fn() => property_exists($bev, "fd"));
t("priority write", function () use ($bev) { $bev->priority = 3; return $bev->priority; });
t("allow write", function () use ($bev) { $bev->allow_ssl_dirty_shutdown = false; return $bev->allow_ssl_dirty_shutdown; });
t("unset", function () use ($bev) { unset($bev->fd, $bev->priority, $bev->input); return is_int($bev->fd); });
t("dynamic", function () use ($bev) { @$bev->extra = 5; return $bev->extra; });
t("serialize", fn() => strlen(serialize($bev)) > 0);
t("clone", fn() => clone $bev);
t("==", fn() => (new EventBufferEvent($b)) == (new EventBufferEvent($b)));
t("frozen input add", fn() => $bev->input->add("x"));
t("frozen output drain", function () use ($bev) { $bev->write("abc"); return [$bev->output->drain(1), $bev->output->length]; });
t("input prepend", fn() => $bev->input->prepend("p"));
t("unfrozen input", function () use ($bev) { $i = $bev->getInput(); $i->unfreeze(false); return [$i->add("q"), $bev->input->length, $bev->read(10)]; });

t("enable 0", fn() => $bev->enable(0));
t("enable 255", fn() => [$bev->enable(255), $bev->getEnabled()]);
t("disable 255", fn() => [$bev->disable(255), $bev->getEnabled()]);
t("enable str", fn() => $bev->enable("a"));
t("setWatermark", fn() => $bev->setWatermark(255, -1, -5));
t("setWatermark 2", fn() => $bev->setWatermark(1, 2));
t("setTimeouts", fn() => $bev->setTimeouts(-1, 0));
t("setTimeouts str", fn() => $bev->setTimeouts("a", 1));
t("setTimeouts ok", fn() => $bev->setTimeouts(1.5, 2));
t("setPriority 0", fn() => $bev->setPriority(0));
t("setPriority 5", fn() => $bev->setPriority(5));
t("setPriority -1", fn() => $bev->setPriority(-1));
t("read -1", fn() => $bev->read(-1));
t("read 0", fn() => $bev->read(0));
t("read str", fn() => $bev->read("a"));
t("write empty", fn() => $bev->write(""));
t("write array", fn() => $bev->write([]));
t("writeBuffer bad", fn() => $bev->writeBuffer(new stdClass));
t("writeBuffer own output", fn() => $bev->writeBuffer($bev->getOutput()));
t("readBuffer own input", fn() => $bev->readBuffer($bev->getInput()));
t("readBuffer none", fn() => $bev->readBuffer());
t("setCallbacks bad", fn() => $bev->setCallbacks("nope", null, null));
t("setCallbacks 2 args", fn() => $bev->setCallbacks(null, null));
t("setCallbacks 5 args", fn() => $bev->setCallbacks(null, null, null, 1, 2));
t("setCallbacks", fn() => $bev->setCallbacks(null, null, null));
t("getDnsErrorString", fn() => $bev->getDnsErrorString());
t("free extra", fn() => (new EventBufferEvent($b))->free(1));
foreach (['sslError', 'sslRenegotiate', 'sslGetCipherInfo', 'sslGetCipherName', 'sslGetCipherVersion', 'sslGetProtocol'] as $m) {
    t($m, fn() => $bev->$m());
}
t("sslSocket", fn() => EventBufferEvent::sslSocket($b, null, null, 0));
t("createSslFilter", fn() => EventBufferEvent::createSslFilter($bev, new stdClass, 0));
t("createSslFilter bad", fn() => EventBufferEvent::createSslFilter(new stdClass, null, 0));

echo "close\n";
$x = new EventBufferEvent($b, socket_create(AF_INET, SOCK_STREAM, SOL_TCP));
t("close", fn() => $x->close());
t("fd after close", fn() => is_int($x->fd));
t("close again", fn() => $x->close());
[$p1, $p2] = EventBufferEvent::createPair($b);
t("pair close", fn() => $p1->close());
t("pair fd", fn() => $p1->fd);
t("pair setPriority", fn() => $p1->setPriority(0));
t("pair connectHost", fn() => $p1->connectHost(null, "127.0.0.1", 1));

echo "freed\n";
$in = $bev->getInput();
$bev->input;
$bev->free();
print_r($bev); echo "\n";
print_r(get_object_vars($bev));
t("isset freed", fn() => [isset($bev->fd), isset($bev->input), isset($bev->allow_ssl_dirty_shutdown)]);
t("props freed", fn() => [$bev->fd, $bev->input, $bev->output, $bev->priority, $bev->allow_ssl_dirty_shutdown]);
t("buffer after free", fn() => [$in->length, $in->add("z"), $in->length]);
t("free", fn() => $bev->free());
t("close freed", fn() => $bev->close());
$calls = [
    ['connect', ['127.0.0.1:1']], ['connectHost', [null, '127.0.0.1', 1]], ['getDnsErrorString', []],
    ['setCallbacks', [null, null, null]], ['enable', [2]], ['disable', [2]], ['getEnabled', []],
    ['getInput', []], ['getOutput', []], ['setWatermark', [2, 0, 0]], ['write', ['x']],
    ['writeBuffer', [new EventBuffer]], ['read', [1]], ['readBuffer', [new EventBuffer]],
    ['setPriority', [0]], ['setTimeouts', [1.0, 1.0]], ['sslError', []], ['sslRenegotiate', []],
    ['sslGetCipherInfo', []], ['sslGetCipherName', []], ['sslGetCipherVersion', []], ['sslGetProtocol', []],
];
foreach ($calls as [$m, $args]) t("freed $m", fn() => $bev->$m(...$args));
t("freed bad arg", fn() => $bev->read("x"));
t("freed connect bad", fn() => $bev->connect("nonsense"));
t("freed connectHost family", fn() => $bev->connectHost(null, "x", 1, 12345));
$r = new ReflectionClass("EventBufferEvent");
t("newInstanceWithoutConstructor", fn() => $r->newInstanceWithoutConstructor());
print_r(get_class_methods("EventBufferEvent"));
print_r($r->getConstants());
echo "bad descriptors\n";
$bad = new EventBufferEvent($b, 12345);
t("bad fd enable", fn() => [$bad->enable(Event::READ), $bad->getEnabled()]);
t("bad fd write", fn() => $bad->write("abc"));
t("bad fd loop", fn() => $b->loop(EventBase::LOOP_NONBLOCK));
t("bad fd close", fn() => $bad->close());
$file = new EventBufferEvent($b, fopen(__FILE__, "r"));
t("regular file enable", fn() => [$file->enable(Event::READ), $file->getEnabled()]);
t("regular file disable", fn() => [$file->disable(Event::READ), $file->getEnabled()]);
