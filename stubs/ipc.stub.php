<?php

/**
 * php-ipc's own functions, beyond the native extensions (docs/ipc.md).
 * Registered by the main module `ipc`.
 *
 * $timeout is in seconds: finite and >= 0 (ValueError otherwise); 0 tries
 * once without waiting. On timeout the functions return false without a
 * warning and set $error_code (where there is one) to 110 (ETIMEDOUT).
 *
 * @generate-class-entries
 */

namespace Ipc;

/** sem_acquire() that gives up after $timeout seconds (semtimedop). */
function sem_acquire_timeout(\SysvSemaphore $semaphore, float $timeout): bool {}

/** msg_receive() that gives up after $timeout seconds. */
function msg_receive_timeout(\SysvMessageQueue $queue, int $desired_message_type, &$received_message_type, int $max_message_size, mixed &$message, float $timeout, bool $unserialize = true, int $flags = 0, &$error_code = null): bool {}

/** msg_send() that gives up after $timeout seconds when the queue stays full. */
function msg_send_timeout(\SysvMessageQueue $queue, int $message_type, $message, float $timeout, bool $serialize = true, &$error_code = null): bool {}
