--TEST--
seed event_features.php: the default EventBase reports epoll's features (edge-triggered, O(1)), as PECL event on Linux
--EXTENSIONS--
event
--FILE--
<?php
require __DIR__ . '/../../examples/event_features.php';
?>
--EXPECT--
特性：
边缘触发
O1添加删除事件
