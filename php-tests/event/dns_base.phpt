--TEST--
EventDnsBase: where ours differs from PECL on purpose (serialize segfaults there), and the loop it keeps alive
--EXTENSIONS--
event
--FILE--
<?php
$b = new EventBase();
$d = new EventDnsBase($b, false);
// PECL event 3.1.5 segfaults in serialize(); here it is PHP's own exception.
try { serialize($d); } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { unserialize('O:12:"EventDnsBase":0:{}'); } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($d->addNameserverIp("127.0.0.1:9"), $d->addNameserverIp("127.0.0.1:9"), $d->countNameservers());
var_dump($d->setOption("attempts:", "x"), $d->setOption("attempts:", "2"));
// A nameserver's socket keeps the loop running until the base is freed.
$t = Event::timer($b, function () use ($b) { echo "timer\n"; $b->stop(); });
$t->addTimer(0.05);
$b->loop();
$d = null;
var_dump($b->loop());
echo "done\n";
?>
--EXPECT--
Exception: Serialization of 'EventDnsBase' is not allowed
Exception: Unserialization of 'EventDnsBase' is not allowed
bool(true)
bool(false)
int(1)
bool(false)
bool(true)
timer
bool(true)
done
