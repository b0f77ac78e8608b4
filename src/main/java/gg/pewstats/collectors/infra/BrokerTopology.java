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
 * published to them.
 */
public final class BrokerTopology implements ConnectionListener {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final RabbitAdmin admin;
    private final String exchange;
    private final List<String> queues;

    public BrokerTopology(CachingConnectionFactory connectionFactory, String exchange, List<String> queues) {
        this.admin = new RabbitAdmin(connectionFactory);
        this.exchange = exchange;
        this.queues = List.copyOf(queues);
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
        declare();
    }

    /** Idempotent: re-declaring with the same arguments changes nothing on the broker. */
    public void declare() {
        DirectExchange direct = new DirectExchange(exchange, true, false);
        admin.declareExchange(direct);
        for (String name : queues) {
            for (String queueName : List.of(name, name + DEAD_LETTER_SUFFIX)) {
                Queue queue = new Queue(queueName, true, false, false);
                admin.declareQueue(queue);
                Binding binding = BindingBuilder.bind(queue).to(direct).with(queueName);
                admin.declareBinding(binding);
            }
        }
    }
}
