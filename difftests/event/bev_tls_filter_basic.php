<?php
require __DIR__ . '/lib/tls_pair.php';
function lens($u1, $u2) { return "u1 in {$u1->input->length} out {$u1->output->length}; u2 in {$u2->input->length} out {$u2->output->length}"; }
function cbs($f, $n) {
    $f->setCallbacks(function ($b) use ($n) { echo "$n read: ", $b->read(100), "\n"; }, function ($b) use ($n) { echo "$n write cb\n"; }, function ($b, $e) use ($n) { echo "$n event ", ev($e), " ", $b->sslGetProtocol(), "\n"; });
}
// createSslFilter over createPair: when the handshake starts (an enable() of
// a filter, not its creation or a write), the filters' and the underlying
// bufferevents' state, the order of CONNECTED, read and write callbacks.
foreach (['nothing enabled' => [], 'server READ' => ['s' => Event::READ], 'client READ' => ['c' => Event::READ],
          'client WRITE' => ['c' => Event::WRITE], 'both READ' => ['s' => Event::READ, 'c' => Event::READ]] as $label => $en) {
    echo "== $label\n";
    $base = new EventBase();
    [$u1, $u2] = EventBufferEvent::createPair($base);
    [$s, $c] = ctxs();
    $fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
    echo "after the client filter: ", lens($u1, $u2), "\n";
    $fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
    echo "enabled: ", $fs->getEnabled(), " ", $fc->getEnabled(), ", underlying: ", $u1->getEnabled(), " ", $u2->getEnabled(), "\n";
    var_dump($fs->fd, $fc->sslGetProtocol(), $fc->sslGetCipherName(), $fc->sslGetCipherInfo(), $fc->sslError());
    cbs($fs, 's'); cbs($fc, 'c');
    $base->loop(EventBase::LOOP_NONBLOCK);
    $fc->write("hello");
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo "after a write: ", lens($u1, $u2), "\n";
    foreach ($en as $who => $what) (${"f$who"})->enable($what);
    echo "enable() returned\n";
    $base->loop(EventBase::LOOP_NONBLOCK);
    echo "after a loop: ", lens($u1, $u2), "\n";
    $fs->write("world");
    $base->exit(0.2); $base->dispatch();
    echo "end: ", lens($u1, $u2), "\n";
    $fs->free(); $fc->free(); $u1->free(); $u2->free();
}

// (A filter whose underlying PHP object went away is in
// php-tests/event/ssl_filter_lifetime.phpt: PECL corrupts its heap there.)
echo "== setCallbacks() on the underlying bufferevent takes it back\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
cbs($fs, 's'); cbs($fc, 'c');
$u1->setCallbacks(function ($b) { echo "u1 read ", $b->input->length, " bytes\n"; }, null, null);
$fc->enable(Event::READ);
$base->exit(0.2); $base->dispatch();
echo lens($u1, $u2), "\n";
$fs->free(); $fc->free(); $u1->free(); $u2->free();

echo "== freeing a filter without OPT_CLOSE_ON_FREE gives the underlying one back, callbacks unset\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$fs = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$fc = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
cbs($fs, 's'); cbs($fc, 'c');
$fs->enable(Event::READ); $fc->enable(Event::READ);
$base->exit(0.2); $base->dispatch();
$fc->free();
var_dump($u2->write("plain"), $u2->getEnabled());
$base->exit(0.2); $base->dispatch();
echo lens($u1, $u2), "\n";
$u2->setCallbacks(function ($b) { echo "u2 read\n"; }, null, function ($b, $e) { echo "u2 event ", ev($e), "\n"; });
$u2->write("again");
$base->exit(0.2); $base->dispatch();
$fs->free(); $u1->free(); $u2->free();

echo "== arguments\n";
$base = new EventBase();
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
var_dump(EventBufferEvent::createSslFilter($u1, $c, 7));
var_dump(EventBufferEvent::createSslFilter($u1, $c, -1));
foreach ([[$u1, 'x', 1], ['x', $c, 1], [$u1, $c, 'x']] as $a) {
    try { EventBufferEvent::createSslFilter(...$a); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
try { EventBufferEvent::createSslFilter($u1); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$u1->free();
var_dump(EventBufferEvent::createSslFilter($u1, $c, EventBufferEvent::SSL_CONNECTING));
$f = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING, EventBufferEvent::OPT_THREADSAFE);
var_dump(get_class($f), $f->getEnabled());
$f->free();
echo "== a filter's own properties and methods\n";
$f = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$f2 = EventBufferEvent::createSslFilter($f, $c, EventBufferEvent::SSL_CONNECTING);
var_dump($f2->getEnabled(), $f->getEnabled(), $f->fd, $f2->sslError(), $f->allow_ssl_dirty_shutdown);
var_dump($f->setPriority(1), $f->setTimeouts(1, 1), $f->close(), $f->getDnsErrorString());
$f2->free(); $f->free(); $u2->free();
echo "done\n";
