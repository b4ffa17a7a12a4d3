--TEST--
EventBufferEvent: TLS entry points throw EventException (TLS bufferevents are not implemented yet); TLS queries on a plain bufferevent answer as PECL
--EXTENSIONS--
event
--FILE--
<?php
$b = new EventBase();
$bev = new EventBufferEvent($b);
try { EventBufferEvent::sslSocket($b, null, null, 0); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { EventBufferEvent::createSslFilter($bev, new stdClass, 0); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$ctx = new EventSslContext(EventSslContext::TLS_CLIENT_METHOD, []);
try { EventBufferEvent::sslSocket($b, null, $ctx, EventBufferEvent::SSL_CONNECTING); } catch (EventException $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { EventBufferEvent::createSslFilter($bev, $ctx, EventBufferEvent::SSL_OPEN); } catch (EventException $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($bev->sslError(), $bev->sslRenegotiate(), $bev->sslGetCipherInfo(), $bev->sslGetCipherName(), $bev->sslGetCipherVersion(), $bev->sslGetProtocol());
?>
--EXPECT--
TypeError: EventBufferEvent::sslSocket(): Argument #3 ($ctx) must be of type EventSslContext, null given
TypeError: EventBufferEvent::createSslFilter(): Argument #2 ($ctx) must be of type EventSslContext, stdClass given
EventException: TLS is not available yet in php-ipc (TLS bufferevents are not implemented)
EventException: TLS is not available yet in php-ipc (TLS bufferevents are not implemented)
bool(false)
NULL
bool(false)
bool(false)
bool(false)
bool(false)
