--TEST--
EventHttp, EventHttpRequest, EventHttpConnection: serialize() and unserialize() throw PHP's own exception (PECL: EventException on serialize, segfault on unserialize)
--EXTENSIONS--
event
--FILE--
<?php
$base = new EventBase();
foreach ([new EventHttp($base), new EventHttpRequest(function () {})] as $o) {
    try { serialize($o); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
foreach (['EventHttp', 'EventHttpRequest', 'EventHttpConnection'] as $c) {
    try { var_dump(unserialize('O:' . strlen($c) . ":\"$c\":0:{}")); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
?>
--EXPECT--
Exception: Serialization of 'EventHttp' is not allowed
Exception: Serialization of 'EventHttpRequest' is not allowed
Exception: Unserialization of 'EventHttp' is not allowed
Exception: Unserialization of 'EventHttpRequest' is not allowed
Exception: Unserialization of 'EventHttpConnection' is not allowed
