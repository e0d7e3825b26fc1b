package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.ActorSchedulingService;
import io.camunda.zeebe.scheduler.clock.ActorClock;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The zeebe-process-test engine (same engine, gateway and controllable clock) with its state in
 * RocksDB, the store the Zeebe broker itself uses, instead of the test library's TreeMap store.
 *
 * <p>Why: the library's store copies the whole state for every prefix scan, and the engine scans on
 * nearly every command, so the engine slows down in proportion to the number of live instances. A
 * few hundred open conversations (each waiting on follow-up timers) brought it to a crawl; RocksDB
 * scans only the prefix. Lives in the library's package because the gateway pieces are package-private;
 * the library's own wiring helpers are reused (by reflection) so only the store differs.
 */
public final class RocksDbEngineFactory {
  private static final int PARTITION = 1;
  private static final int PARTITION_COUNT = 1;

  private RocksDbEngineFactory() {}

  /** An engine whose gRPC gateway listens on {@code port}, with its state in {@code stateDirectory}. */
  public static ZeebeTestEngine create(int port, File stateDirectory) {
    ControlledActorClock clock = (ControlledActorClock) helper("createActorClock").invoke();
    ActorScheduler scheduler = (ActorScheduler) helper("createAndStartActorScheduler", ActorClock.class).invoke(clock);
    // not InMemoryLogStorage: its reader races its writer (see SafeLogStorage)
    SafeLogStorage logStorage = new SafeLogStorage();
    LogStream logStream = (LogStream) helper("createLogStream", LogStorage.class, int.class, ActorClock.class)
        .invoke(logStorage, PARTITION, clock);
    CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(commandWriter, PARTITION, PARTITION_COUNT, port,
        requests, jobStreamer);
    Server grpcServer = ServerBuilder.forPort(port).addService(gateway).build();
    GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, intent -> {});
    ZeebeDb<ZbColumnFamilies> db = new ZeebeRocksDbFactory<ZbColumnFamilies>(
        // the log lives in memory, so a write-ahead log for the state would buy nothing
        new RocksDbConfiguration().setWalDisabled(true), new ConsistencyChecksSettings(false, false),
        new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION), SimpleMeterRegistry::new)
        .createDb(stateDirectory);
    StreamProcessor streamProcessor = (StreamProcessor) helper("createStreamProcessor", LogStream.class, ZeebeDb.class,
        ActorSchedulingService.class, GrpcResponseWriter.class, int.class, CommandSender.class, JobStreamer.class,
        ActorClock.class).invoke(logStream, db, scheduler, responses, PARTITION_COUNT, commandSender, jobStreamer, clock);
    EngineStateMonitor monitor = new EngineStateMonitor(logStorage, streamProcessor);
    RecordStreamSourceImpl records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION);
    return new InMemoryEngine(grpcServer, streamProcessor, gateway, db, logStream, scheduler, records, clock, monitor);
  }

  private static Helper helper(String name, Class<?>... parameterTypes) {
    try {
      Method method = EngineFactory.class.getDeclaredMethod(name, parameterTypes);
      method.setAccessible(true);
      return args -> {
        try {
          return method.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw new IllegalStateException("zeebe-process-test's " + name + " failed", e.getCause());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("zeebe-process-test changed: EngineFactory." + name + " is gone", e);
    }
  }

  @FunctionalInterface
  private interface Helper {
    Object invoke(Object... args);
  }
}
