<?php
require __DIR__ . '/lib/tls_pair.php';
// TLS in TLS (a filter over a filter over a pair half); filters freed inside
// their own callbacks, also from the error callback.
$base = new EventBase();
// TLS in TLS: a filter over a filter over a pair half.
[$u1, $u2] = EventBufferEvent::createPair($base);
[$s, $c] = ctxs();
$a1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$a2 = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$b1 = EventBufferEvent::createSslFilter($a1, $s, EventBufferEvent::SSL_ACCEPTING);
$b2 = EventBufferEvent::createSslFilter($a2, $c, EventBufferEvent::SSL_CONNECTING);
$b1->setCallbacks(function ($b) { echo "inner server read: ", $b->read(100), "\n"; $b->write("pong"); }, null, function ($b, $e) { echo "inner server event ", ev($e), "\n"; });
$b2->setCallbacks(function ($b) use ($base) { echo "inner client read: ", $b->read(100), "\n"; $base->exit(); }, null, function ($b, $e) { echo "inner client event ", ev($e), "\n"; if ($e & EventBufferEvent::CONNECTED) $b->write("ping"); });
foreach ([$a1, $a2, $b1, $b2] as $x) $x->enable(Event::READ);
$base->exit(2); $base->dispatch();
$b1->free(); $b2->free(); $a1->free(); $a2->free(); $u1->free(); $u2->free();
echo "== free in own callbacks\n";
[$u1, $u2] = EventBufferEvent::createPair($base);
$f1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$f2 = EventBufferEvent::createSslFilter($u2, $c, EventBufferEvent::SSL_CONNECTING);
$f1->setCallbacks(function ($b) { echo "read, free\n"; $b->free(); }, null, function ($b, $e) { echo "s event ", ev($e), "\n"; });
$f2->setCallbacks(null, null, function ($b, $e) { echo "c event ", ev($e), "\n"; $b->write(str_repeat("x", 100000)); $b->free(); });
$f1->enable(Event::READ); $f2->enable(Event::READ);

$base->exit(1); $base->dispatch();
$u1->free(); $u2->free();
echo "== garbage into a filter, free in the error callback\n";
[$u1, $u2] = EventBufferEvent::createPair($base);
$f1 = EventBufferEvent::createSslFilter($u1, $s, EventBufferEvent::SSL_ACCEPTING);
$f1->setCallbacks(null, null, function ($b, $e) { echo "s event ", ev($e), " ", errs($b), "\n"; $b->free(); });
$f1->enable(Event::READ);
$u2->write(str_repeat("junk", 1000));
$base->exit(1); $base->dispatch();
$u1->free(); $u2->free();
gc_collect_cycles();
echo "done\n";
