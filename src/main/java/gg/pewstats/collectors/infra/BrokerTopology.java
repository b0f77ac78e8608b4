package gg.pewstats.collectors.infra;

import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Declares the hub's exchange, its stage queues and one dead-letter queue per stage queue: all durable,
 * each queue bound with its own name as routing key. The declaration runs again on every new broker
 * connection, so a restarted broker (or the in-memory one) always has the queues before anything is
 * published to them. Queues whose consumer may be absent (the bounded ones) are declared with a maximum
 * length and an overflow policy, so they cannot grow without end: RabbitMQ's x-max-length / x-overflow, or
 * the same limits in Qpid Broker-J's terms. A bounded queue that already exists without them is left as it
 * is, with a warning (delete it once empty, or give it a RabbitMQ policy).
 */
public final class BrokerTopology implements ConnectionListener {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BrokerTopology.class);

    private final RabbitAdmin admin;
    private final CachingConnectionFactory connectionFactory;
    private final String exchange;
    private final List<String> queues;
    private final List<String> bounded;
    private final long maxLength;
    private final String overflow;

    public BrokerTopology(CachingConnectionFactory connectionFactory, String exchange, List<String> queues) {
        this(connectionFactory, exchange, queues, List.of(), 0, "drop-head");
    }

    /** {@code overflow}: drop-head (the oldest message goes) or reject-publish (the new one is refused). */
    public BrokerTopology(CachingConnectionFactory connectionFactory, String exchange, List<String> queues,
            List<String> bounded, long maxLength, String overflow) {
        this.admin = new RabbitAdmin(connectionFactory);
        this.admin.setIgnoreDeclarationExceptions(true);
        this.connectionFactory = connectionFactory;
        this.exchange = exchange;
        this.queues = List.copyOf(queues);
        this.bounded = List.copyOf(bounded);
        this.maxLength = maxLength;
        if (!List.of("drop-head", "reject-publish").contains(overflow)) {
            throw new ConfigurationError("queue overflow policy must be drop-head or reject-publish, not '" + overflow + "'");
        }
        this.overflow = overflow;
        connectionFactory.addConnectionListener(this);
    }

    public RabbitAdmin admin() {
        return admin;
    }

    public List<String> queues() {
        return queues;
    }

    @Override
    public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
        declare(isQpid(connection));
    }

    /** Declares everything on the broker now (fails when the broker is away: a preflight check). */
    public void declare() {
        declare(isQpid(connectionFactory.createConnection()));
    }

    /** Qpid Broker-J names itself by server properties of its own (its product name may be "unknown"). */
    private static boolean isQpid(org.springframework.amqp.rabbit.connection.Connection connection) {
        return connection.getDelegate().getServerProperties().keySet().stream().anyMatch(k -> k.startsWith("qpid."));
    }

    private final java.util.concurrent.atomic.AtomicBoolean declaring = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Idempotent: re-declaring with the same arguments changes nothing on the broker. Qpid closes the whole
     * connection on a declaration it does not like, so there a queue that exists is left as it is; and a
     * declaration never runs inside another (a connection made while declaring declares nothing again).
     */
    public void declare(boolean qpid) {
        if (!declaring.compareAndSet(false, true)) {
            return;
        }
        try {
            declareAll(qpid);
        } finally {
            declaring.set(false);
        }
    }

    private void declareAll(boolean qpid) {
        DirectExchange direct = new DirectExchange(exchange, true, false);
        admin.declareExchange(direct);
        for (String name : queues) {
            for (String queueName : List.of(name, name + DEAD_LETTER_SUFFIX)) {
                java.util.Map<String, Object> arguments = new java.util.HashMap<>();
                if (bounded.contains(queueName) && maxLength > 0) {
                    if (qpid) {
                        arguments.put("maximumQueueDepthMessages", maxLength);
                        arguments.put("overflowPolicy", overflow.equals("drop-head") ? "RING" : "REJECT");
                    } else {
                        arguments.put("x-max-length", maxLength);
                        arguments.put("x-overflow", overflow);
                    }
                }
                Queue queue = new Queue(queueName, true, false, false, arguments);
                if (qpid && admin.getQueueInfo(queueName) != null) {
                    admin.declareBinding(BindingBuilder.bind(queue).to(direct).with(queueName));
                    continue;
                }
                if (admin.declareQueue(queue) == null && !arguments.isEmpty()) {
                    LOG.warn("Queue {} exists without the length limit the hub declares (max {} messages, {}); it is used as "
                            + "it is: delete it once empty, or give it a broker policy", queueName, maxLength, overflow);
                }
                Binding binding = BindingBuilder.bind(queue).to(direct).with(queueName);
                admin.declareBinding(binding);
            }
        }
    }
}
