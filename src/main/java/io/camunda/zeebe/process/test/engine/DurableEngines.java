package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Régua's own assembly of zeebe-process-test's in-JVM engine (not part of zeebe-process-test: it
 * sits in that library's package only to call its package-private gateway and monitor, which it
 * does not copy). It differs from the library's {@code EngineFactory} in the two pieces that one
 * hard-codes:
 *
 * <ul>
 *   <li>the log is the {@link LogStorage} given (Régua's append-only file), so what the engine
 *       acknowledged survives the process, and the engine comes back by replaying it, as a broker
 *       does;
 *   <li>requests are numbered uniquely across starts and only open ones are answered ({@link
 *       StartScopedRequests}), since a command written before a kill is processed after the next
 *       start;
 *   <li>the state is the broker's own RocksDB store in {@code stateDirectory}, made anew at each
 *       start and rebuilt by that replay: it iterates a prefix without copying everything it holds,
 *       and it is safe to read from the engine's other actors.
 * </ul>
 *
 * Only {@code br.com.regua.devkit.engine} uses this class.
 */
public final class DurableEngines {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  /** RocksDB's memory for the engine's state: the journeys of a development run fit well within. */
  private static final long STATE_MEMORY = 64L * 1024 * 1024;

  private DurableEngines() {}

  /** An engine, and its log stream for readers of its records. */
  public record DurableEngine(ZeebeTestEngine engine, LogStream logStream) {}

  /**
   * An engine on the gRPC port, over the log given, with its state in {@code stateDirectory}
   * (emptied first). {@code recordStream} makes the record stream the engine exposes from a reader
   * of its log.
   */
  public static DurableEngine create(
      int port,
      LogStorage log,
      Path stateDirectory,
      Function<LogStream, RecordStreamSource> recordStream) {
    ControlledActorClock clock = new ControlledActorClock();
    ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    ObservedLogStorage storage = new ObservedLogStorage(log);
    LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(storage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    StartScopedRequests requests = new StartScopedRequests();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter, PARTITION_ID, PARTITION_COUNT, port, requests, jobStreamer);
    Server grpcServer = ServerBuilder.forPort(port).addService(gateway).build();
    GrpcResponseWriter responses = new OpenRequestResponses(gateway, requests);

    ZeebeDb<ZbColumnFamilies> state = createState(stateDirectory);
    StreamProcessor processor =
        createStreamProcessor(
            logStream, state, scheduler, responses, commandSender, jobStreamer, clock);
    EngineStateMonitor monitor = new EngineStateMonitor(storage, processor);

    ZeebeTestEngine engine =
        new InMemoryEngine(
            grpcServer,
            processor,
            gateway,
            state,
            logStream,
            scheduler,
            recordStream.apply(logStream),
            clock,
            monitor);
    return new DurableEngine(engine, logStream);
  }

  private static ZeebeDb<ZbColumnFamilies> createState(Path directory) {
    RocksDbConfiguration configuration =
        new RocksDbConfiguration()
            .setMemoryLimit(STATE_MEMORY)
            // the log is the engine's durable record: the state is rebuilt from it at each start
            .setWalDisabled(true);
    return new ZeebeRocksDbFactory<ZbColumnFamilies>(
            configuration,
            new ConsistencyChecksSettings(false, false),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            SimpleMeterRegistry::new)
        .createDb(directory.toFile());
  }

  private static StreamProcessor createStreamProcessor(
      LogStream logStream,
      ZeebeDb<ZbColumnFamilies> state,
      ActorScheduler scheduler,
      GrpcResponseWriter responses,
      CommandSender commandSender,
      InMemoryJobStreamer jobStreamer,
      ControlledActorClock clock) {
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return StreamProcessor.builder()
        .logStream(logStream)
        .zeebeDb(state)
        .commandResponseWriter(responses)
        .partitionCommandSender(commandSender)
        .recordProcessors(
            List.of(
                new Engine(
                    context ->
                        EngineProcessors.createEngineProcessors(
                            context,
                            PARTITION_COUNT,
                            new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                            commandSender,
                            FeatureFlags.createDefault(),
                            jobStreamer,
                            SearchClientsProxy.noop(),
                            new BrokerRequestAuthorizationConverter(security)),
                    new EngineConfiguration(),
                    security)))
        .actorSchedulingService(scheduler)
        .clock(new ControllableStreamClockImpl(clock))
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }
}
