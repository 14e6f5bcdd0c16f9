package dev.proxywasm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlueProcessorTest {

    private static Compilation compile(String... resources) {
        JavaFileObject[] sources = new JavaFileObject[resources.length];
        for (int i = 0; i < resources.length; i++) {
            sources[i] = JavaFileObjects.forResource(resources[i]);
        }
        return javac().withProcessors(new GlueProcessor()).compile(sources);
    }

    @Nested
    class Golden {
        @ParameterizedTest(name = "{0}")
        @CsvSource({"AddHeader", "Rewrite", "TcpLogger", "Validate", "Gateway"})
        void generatesTheExpectedGlue(String plugin) {
            Compilation compilation = compile("good/example/" + plugin + ".java");

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation)
                    .generatedSourceFile("example." + plugin + "_ProxyWasm")
                    .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/example/" + plugin + "_ProxyWasm.java"));
        }

        @Test
        void recordsTheGlueClassForTheBuild() throws IOException {
            Compilation compilation = compile("good/example/AddHeader.java");

            assertThat(compilation).succeeded();
            JavaFileObject resource = compilation
                    .generatedFile(StandardLocation.CLASS_OUTPUT, GlueProcessor.MAIN_CLASS_RESOURCE)
                    .orElseThrow();
            org.junit.jupiter.api.Assertions.assertEquals("example.AddHeader_ProxyWasm\n",
                    new String(resource.openInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        @Test
        void aCompilationWithoutPluginGeneratesNothing() {
            Compilation compilation = javac().withProcessors(new GlueProcessor())
                    .compile(JavaFileObjects.forSourceString("plain.Util", "package plain; class Util {}"));

            assertThat(compilation).succeededWithoutWarnings();
            org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFiles().isEmpty());
        }
    }

    @Nested
    class Rejects {
        @Test
        void twoPluginClasses() {
            Compilation compilation = compile("bad/TwoPluginsFirst.java", "bad/TwoPluginsSecond.java");

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining("one plugin per Maven module: bad.TwoPluginsFirst and bad.TwoPluginsSecond are"
                            + " both @ProxyWasmPlugin; move one into a module of its own")
                    .inFile(JavaFileObjects.forResource("bad/TwoPluginsSecond.java"))
                    .onLine(6);
        }

        @Test
        void aParameterTheGlueCannotSupply() {
            Compilation compilation = compile("bad/UnknownParameter.java");

            assertThat(compilation).hadErrorContaining("parameter path of @OnRequestHeaders method request() has type"
                            + " java.lang.String, which the SDK cannot supply; allowed: Headers, HttpStream, int, boolean")
                    .inFile(JavaFileObjects.forResource("bad/UnknownParameter.java"))
                    .onLine(9);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "QueueIdParameter | 9 | parameter queueId of @OnQueueReady method ready() has type int, which the SDK"
                    + " cannot supply; allowed: SharedQueue",
            "WirePeerParameter | 10 | parameter peer of @OnDownstreamConnectionClose method closed() has type"
                    + " dev.proxywasm.abi.PeerType, which the SDK cannot supply; allowed: Connection, Peer",
            "ForeignFunctionBody | 10 | parameter functionId of @OnForeignFunction method called() has type int,"
                    + " which the SDK cannot supply; allowed: ForeignFunction.Id, byte[]",
            "ForeignFunctionBody | 11 | parameter arguments of @OnForeignFunction method called() has type"
                    + " dev.proxywasm.api.Body, which the SDK cannot supply; allowed: ForeignFunction.Id, byte[]",
        })
        void aRawIdOrWireTypeWhereTheApiHasAType(String plugin, int line, String message) {
            Compilation compilation = compile("bad/" + plugin + ".java");

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorContaining(message)
                    .inFile(JavaFileObjects.forResource("bad/" + plugin + ".java"))
                    .onLine(line);
        }

        @Test
        void aParameterTypeTwice() {
            Compilation compilation = compile("bad/RepeatedParameter.java");

            assertThat(compilation).hadErrorContaining("parameter second of @OnRequestHeaders method request()"
                            + " repeats type Headers; each type can be injected once")
                    .inFile(JavaFileObjects.forResource("bad/RepeatedParameter.java"))
                    .onLine(11);
        }

        @Test
        void aReturnTypeTheHostCannotTake() {
            Compilation compilation = compile("bad/WrongReturn.java");

            assertThat(compilation).hadErrorContaining(
                            "@OnResponseHeaders method response() must return Action or void, not int")
                    .inFile(JavaFileObjects.forResource("bad/WrongReturn.java"))
                    .onLine(9);
        }

        @Test
        void aPrivateHandler() {
            Compilation compilation = compile("bad/PrivateHandler.java");

            assertThat(compilation).hadErrorContaining(
                            "@OnRequestBody method body() must not be private: the generated exports call it")
                    .inFile(JavaFileObjects.forResource("bad/PrivateHandler.java"))
                    .onLine(9);
        }

        @Test
        void aStaticHandler() {
            Compilation compilation = compile("bad/StaticHandler.java");

            assertThat(compilation).hadErrorContaining(
                            "@OnPluginStart method start() must not be static: it runs on the plugin or stream instance")
                    .inFile(JavaFileObjects.forResource("bad/StaticHandler.java"))
                    .onLine(9);
        }

        @Test
        void aPluginWithoutNoArgumentConstructor() {
            Compilation compilation = compile("bad/NoDefaultConstructor.java");

            assertThat(compilation).hadErrorContaining(
                            "plugin class NoDefaultConstructor needs a non-private constructor without parameters")
                    .inFile(JavaFileObjects.forResource("bad/NoDefaultConstructor.java"))
                    .onLine(5);
        }

        @Test
        void twoHandlersForOneCallback() {
            Compilation compilation = compile("bad/DuplicateHandler.java");

            assertThat(compilation).hadErrorContaining("duplicate @OnRequestHeaders: DuplicateHandler.first()"
                            + " already handles proxy_on_request_headers")
                    .inFile(JavaFileObjects.forResource("bad/DuplicateHandler.java"))
                    .onLine(12);
        }

        @Test
        void chunksAndTheWholeBodyOfOneDirection() {
            Compilation compilation = compile("bad/ChunksAndWholeBody.java");

            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining("@OnWholeRequestBody and @OnRequestBody (chunk()) both handle"
                            + " proxy_on_request_body; keep one: @OnWholeRequestBody gets the body once, complete,"
                            + " @OnRequestBody every chunk")
                    .inFile(JavaFileObjects.forResource("bad/ChunksAndWholeBody.java"))
                    .onLine(16);
        }

        @Test
        void aWholeBodyLimitThatHoldsNothing() {
            Compilation compilation = compile("bad/WholeBodyWithoutRoom.java");

            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining("@OnWholeResponseBody maxBytes must be positive, not 0")
                    .inFile(JavaFileObjects.forResource("bad/WholeBodyWithoutRoom.java"))
                    .onLine(9);
        }

        @Test
        void anHttpHandlerOutsideTheStreamClass() {
            Compilation compilation = compile("bad/HandlerOnWrongClass.java");

            assertThat(compilation).hadErrorContaining("@OnRequestHeaders method request() must be declared in"
                            + " the stream class Exchange of plugin HandlerOnWrongClass")
                    .inFile(JavaFileObjects.forResource("bad/HandlerOnWrongClass.java"))
                    .onLine(9);
        }

        @Test
        void aStreamClassItCannotCreate() {
            Compilation compilation = compile("bad/StreamWithoutConstructor.java");

            assertThat(compilation).hadErrorContaining("stream class Exchange needs a non-private constructor"
                            + " taking StreamWithoutConstructor or nothing")
                    .inFile(JavaFileObjects.forResource("bad/StreamWithoutConstructor.java"))
                    .onLine(5);
        }

        @Test
        void aHandlerWithoutPlugin() {
            Compilation compilation = compile("bad/HandlerWithoutPlugin.java");

            assertThat(compilation).hadErrorContaining("@OnResponseBody method body() is not part of a plugin:"
                            + " no class in this module is annotated @ProxyWasmPlugin")
                    .inFile(JavaFileObjects.forResource("bad/HandlerWithoutPlugin.java"))
                    .onLine(7);
        }
    }
}
