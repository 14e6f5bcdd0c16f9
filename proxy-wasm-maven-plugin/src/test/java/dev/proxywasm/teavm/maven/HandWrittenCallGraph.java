package dev.proxywasm.teavm.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.callgraph.CallGraph;
import org.teavm.callgraph.CallGraphNode;
import org.teavm.callgraph.CallSite;
import org.teavm.callgraph.FieldAccessSite;
import org.teavm.model.FieldReference;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/** A call graph built call by call, so caller hints are tested without compiling a plugin. */
final class HandWrittenCallGraph implements CallGraph {
    private final Map<MethodReference, Node> nodes = new HashMap<>();

    /** {@code caller} calls {@code callee} on the given lines of {@code file}. */
    HandWrittenCallGraph call(MethodReference caller, MethodReference callee, String file, int... lines) {
        List<TextLocation> locations = new ArrayList<>();
        for (int line : lines) {
            locations.add(new TextLocation(file, line));
        }
        Node from = node(caller);
        Node to = node(callee);
        Site site = new Site(from, to, locations);
        from.callSites.add(site);
        to.callerSites.add(site);
        return this;
    }

    private Node node(MethodReference method) {
        return nodes.computeIfAbsent(method, m -> new Node(this, m));
    }

    @Override
    public CallGraphNode getNode(MethodReference method) {
        return nodes.get(method);
    }

    @Override
    public Collection<? extends FieldAccessSite> getFieldAccess(FieldReference field) {
        return List.of();
    }

    private static final class Node implements CallGraphNode {
        private final CallGraph graph;
        private final MethodReference method;
        private final List<Site> callSites = new ArrayList<>();
        private final List<Site> callerSites = new ArrayList<>();

        Node(CallGraph graph, MethodReference method) {
            this.graph = graph;
            this.method = method;
        }

        @Override
        public CallGraph getGraph() {
            return graph;
        }

        @Override
        public MethodReference getMethod() {
            return method;
        }

        @Override
        public Collection<? extends CallSite> getCallSites() {
            return callSites;
        }

        @Override
        public Collection<? extends CallSite> getCallerCallSites() {
            return callerSites;
        }

        @Override
        public Collection<? extends FieldAccessSite> getFieldAccessSites() {
            return List.of();
        }
    }

    private record Site(Node caller, Node callee, List<TextLocation> locations) implements CallSite {
        @Override
        public Collection<? extends TextLocation> getLocations(CallGraphNode method) {
            return method == caller ? locations : List.of();
        }

        @Override
        public Collection<? extends CallGraphNode> getCalledMethods() {
            return List.of(callee);
        }

        @Override
        public Collection<? extends CallGraphNode> getCallers() {
            return List.of(caller);
        }
    }
}
