--TEST--
sysvmsg: class (expected output recorded from native sysvmsg)
--EXTENSIONS--
sysvmsg
posix
pcntl
--FILE--
<?php
$rc = new ReflectionClass('SysvMessageQueue');
var_dump($rc->isFinal(), $rc->isInstantiable(), $rc->isCloneable(), $rc->getConstructor(), $rc->getExtensionName());
try { new SysvMessageQueue; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$q = msg_get_queue(ftok(__FILE__, 'k'));
try { clone $q; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { serialize($q); } catch (Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { unserialize('O:16:"SysvMessageQueue":0:{}'); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
try { $q->prop = 1; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($q, $q == $q);
try { var_dump($q == msg_get_queue(ftok(__FILE__, 'k'))); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
msg_remove_queue($q);
unset($q);
echo "freed\n";
--EXPECTF--
bool(true)
bool(true)
bool(false)
NULL
string(7) "sysvmsg"
Error: Cannot directly construct SysvMessageQueue, use msg_get_queue() instead
Error: Trying to clone an uncloneable object of class SysvMessageQueue
Exception: Serialization of 'SysvMessageQueue' is not allowed
Exception: Unserialization of 'SysvMessageQueue' is not allowed
Error: Cannot create dynamic property SysvMessageQueue::$prop
object(SysvMessageQueue)#2 (0) {
}
bool(true)
bool(false)
freed
