using System.Net;
using System.Text.Json;
using KubeTriage.Core.Analyzers.Services;

namespace KubeTriage.Core.Analyzers.Networking;

/// <summary>Evaluates NetworkPolicies the way the API defines them: a pod selected for a direction is isolated, then only listed peers and ports pass.</summary>
internal sealed class NetworkPolicyEvaluator(ClusterState cluster)
{
    /// <summary>Returns the policies that isolate the pod for "Ingress" or "Egress".</summary>
    public IReadOnlyList<KubeObject> Isolating(KubeObject pod, string direction)
        => [.. cluster.InNamespace("NetworkPolicy", pod.Namespace).Where(p => Types(p).Contains(direction)
            && LabelSelector.MatchesOrEmpty(p.Raw.At("spec.podSelector"), pod.Labels))];

    /// <summary>Returns whether traffic from one pod to another on a port is allowed by both sides' policies.</summary>
    public (bool Allowed, IReadOnlyList<KubeObject> Blocking) Allows(KubeObject source, KubeObject destination, int? port)
    {
        var egress = Isolating(source, "Egress");
        if (egress.Count > 0 && !egress.Any(p => p.Raw.Objects("spec.egress").Any(rule => RuleAllows(p, rule, "to", destination, port))))
        {
            return (false, egress);
        }

        var ingress = Isolating(destination, "Ingress");
        if (ingress.Count > 0 && !ingress.Any(p => p.Raw.Objects("spec.ingress").Any(rule => RuleAllows(p, rule, "from", source, port))))
        {
            return (false, ingress);
        }

        return (true, []);
    }

    private bool RuleAllows(KubeObject policy, JsonElement rule, string peersField, KubeObject peer, int? port)
    {
        // An absent or empty peer/port list means "all".
        var peers = rule.Objects(peersField).ToList();
        var peerOk = peers.Count == 0 || peers.Any(p => PeerMatches(policy, p, peer));
        var ports = rule.Objects("ports").ToList();
        var portOk = port is null || ports.Count == 0 || ports.Any(p => PortMatches(p, peer, port.Value));
        return peerOk && portOk;
    }

    private bool PeerMatches(KubeObject policy, JsonElement peer, KubeObject pod)
    {
        if (peer.Prop("ipBlock") is { ValueKind: JsonValueKind.Object } block)
        {
            var ip = pod.Raw.Str("status.podIP");
            return ip is not null && InCidr(ip, block.Str("cidr")) && !block.Strings("except").Any(e => InCidr(ip, e));
        }

        var podSelector = peer.Prop("podSelector");
        var nsSelector = peer.Prop("namespaceSelector");
        var nsOk = !nsSelector.Exists()
            ? pod.Namespace == policy.Namespace
            : LabelSelector.MatchesOrEmpty(nsSelector, NamespaceLabels(pod.Namespace));
        return nsOk && (!podSelector.Exists() || LabelSelector.MatchesOrEmpty(podSelector, pod.Labels));
    }

    private static bool PortMatches(JsonElement rule, KubeObject pod, int port)
    {
        var value = rule.Str("port");
        if (value is null)
        {
            return true;
        }

        if (int.TryParse(value, out var number))
        {
            var end = rule.Long("endPort") ?? number;
            return port >= number && port <= end;
        }

        // A named port matches the container port of that name on the peer pod.
        return pod.Raw.Objects("spec.containers").SelectMany(c => c.Objects("ports")).Any(p => p.Str("name") == value && p.Long("containerPort") == port);
    }

    private IReadOnlyDictionary<string, string> NamespaceLabels(string? ns)
    {
        var labels = new Dictionary<string, string>(cluster.Find("Namespace", null, ns ?? "")?.Labels ?? new Dictionary<string, string>())
        {
            ["kubernetes.io/metadata.name"] = ns ?? "",
        };
        return labels;
    }

    private static HashSet<string> Types(KubeObject policy)
    {
        var declared = policy.Raw.Strings("spec.policyTypes").ToHashSet();
        if (declared.Count > 0)
        {
            return declared;
        }

        // Without policyTypes, Ingress always applies and Egress only when egress rules are given.
        return policy.Raw.At("spec.egress").Exists() ? ["Ingress", "Egress"] : ["Ingress"];
    }

    private static bool InCidr(string ip, string? cidr)
    {
        if (cidr is null || !IPAddress.TryParse(ip, out var address) || !IPNetwork.TryParse(cidr, out var network))
        {
            return false;
        }

        return network.Contains(address);
    }
}
