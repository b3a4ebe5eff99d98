using System.Text.Json.Nodes;

namespace KubeTriage.Sandbox.Storage;

/// One change in the store; the object is the state after the change (before it for DELETED, with the new RV).
internal sealed record StoreEvent(string Type, StoreKey Key, JsonObject Object, long ResourceVersion, JsonObject? Previous);
