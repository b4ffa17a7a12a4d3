<?php
require __DIR__ . '/lib/tls_pair.php';
// Filters: timeouts (generic timers), a read watermark, OPT_DEFER_CALLBACKS,
// disable/enable of reading, SSL_OPEN over a fresh connection (plain bytes),
// allow_ssl_dirty_shutdown.
function mk($base, $o = 0) {
    [$u1, $u2] = EventBufferEvent::createPair($base);
    [$s, $c] = ctxs();
    $fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING, $o);
    $fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, $o);
    return [$fs, $fc, $u1, $u2];
}
function cbs($f, $n, $rd = 100) {
    $f->setCallbacks(function ($b) use ($n, $rd) { echo "$n read: ", strlen((string)$b->read($rd)), " left ", $b->input->length, "\n"; }, function ($b) use ($n) { echo "$n write cb\n"; }, function ($b, $e) use ($n) { echo "$n event ", ev($e), "\n"; });
}
echo "== timeouts\n";
$base = new EventBase();
[$fs, $fc, $u1, $u2] = mk($base);
cbs($fs, 's'); cbs($fc, 'c');
$fs->enable(Event::READ); $fc->enable(Event::READ);
$base->exit(0.2); $base->dispatch();
var_dump($fs->setTimeouts(0.1, 0.1));
$t = microtime(true);
$base->exit(0.5); $base->dispatch();
echo "enabled ", $fs->getEnabled(), "\n";
$fs->enable(Event::READ);
$fc->write("ping");
$base->exit(0.5); $base->dispatch();
$fs->free(); $fc->free(); $u1->free(); $u2->free();
echo "== watermarks\n";
$base = new EventBase();
[$fs, $fc, $u1, $u2] = mk($base);
cbs($fs, "s", 4000); cbs($fc, "c");
$fs->setWatermark(Event::READ, 3000, 5000);
$fs->enable(Event::READ); $fc->enable(Event::READ);
$fc->write(str_repeat("z", 20000));
$base->exit(0.3); $base->dispatch();
echo "s input ", $fs->input->length, " u1 in ", $u1->input->length, "\n";
$fs->free(); $fc->free(); $u1->free(); $u2->free();
echo "== deferred callbacks\n";
$base = new EventBase();
[$fs, $fc, $u1, $u2] = mk($base, EventBufferEvent::OPT_DEFER_CALLBACKS);
cbs($fs, 's'); cbs($fc, 'c');
$fs->enable(Event::READ); $fc->enable(Event::READ);
$fc->write("hello");
echo "written\n";
$base->exit(0.3); $base->dispatch();
$fs->write("back"); echo "written\n";
$base->exit(0.3); $base->dispatch();
$fs->disable(Event::READ);
$fc->write("while disabled");
$base->exit(0.3); $base->dispatch();
echo "u1 in ", $u1->input->length, "\n";
$fs->enable(Event::READ);
$base->exit(0.3); $base->dispatch();
$fs->free(); $fc->free(); $u1->free(); $u2->free();
echo "== SSL_OPEN over an open session is not possible: SSL_OPEN filter on a fresh SSL\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$f = EventBufferEvent::createSslFilter($u1, $c, EventBufferEvent::SSL_OPEN);
cbs($f, 'o');
echo "enabled ", $f->getEnabled(), " ", $u1->getEnabled(), "\n";
$u2->write("plain bytes");
$f->enable(Event::READ);
$base->exit(0.3); $base->dispatch();
$f->write("x");
$base->exit(0.3); $base->dispatch();
echo "u2 in ", $u2->input->length, " u1 in ", $u1->input->length, "\n";
$f->free(); $u1->free(); $u2->free();

echo "== allow_ssl_dirty_shutdown: the socket's end is EOF, not ERROR\n";
$base = new EventBase();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p);
$u1 = new EventBufferEvent($base, $p[0]); $u2 = new EventBufferEvent($base, $p[1]);
[$s, $c] = ctxs();
$fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
var_dump($fs->allow_ssl_dirty_shutdown, $fc->allow_ssl_dirty_shutdown, $u1->allow_ssl_dirty_shutdown);
$fs->allow_ssl_dirty_shutdown = true;
var_dump($fs->allow_ssl_dirty_shutdown, $fc->allow_ssl_dirty_shutdown);
$fs->setCallbacks(null, null, function ($b, $e) use ($base) { echo "server event ", ev($e), " [", errs($b), "]\n"; });
$fc->setCallbacks(null, null, function ($b, $e) use ($p) { echo "client event ", ev($e), "\n"; socket_shutdown($p[1], 2); });
$fc->enable(Event::READ); $fs->enable(Event::READ);
$base->exit(1); $base->dispatch();
echo "end\n";
$fs->free(); $fc->free(); $u1->free(); $u2->free();
socket_close($p[0]); socket_close($p[1]);
echo "done\n";
