<?php
// An EventDnsBase with a nameserver keeps EventBase::loop() running (its
// socket's read event stays added), unless DISABLE_WHEN_INACTIVE; freeing
// it lets the loop end. The nameserver (a port nothing answers on) is never
// sent anything: no name is resolved.
$b = new EventBase();
$e = Event::timer($b, function () { echo "timer\n"; });
$e->addTimer(0.05);
$b->loop();
echo "loop returned (no dns base)\n";
$d = new EventDnsBase($b, false);
var_dump($d->addNameserverIp("127.0.0.1:9"));
$e->addTimer(0.05);
$b->loop(EventBase::LOOP_ONCE);
echo "loop once returned\n";
$x = Event::timer($b, function () use ($b) { echo "stop\n"; $b->stop(); });
$x->addTimer(0.1);
$b->loop();
echo "loop returned after stop\n";
$d = null;
$b->loop();
echo "loop returned (dns base freed)\n";
$d = new EventDnsBase($b, EventDnsBase::DISABLE_WHEN_INACTIVE);
$d->addNameserverIp("127.0.0.1:9");
$b->loop();
echo "loop returned (DISABLE_WHEN_INACTIVE)\n";
$d = new EventDnsBase($b, false);
$d->addSearch("a");
$d->setOption("timeout:", "0.1");
$b->loop();
echo "loop returned (no nameserver)\n";
