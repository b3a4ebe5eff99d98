namespace KubeTriage.Bench.Generator;

/// <summary>Word lists for namespaces and workload names, so reports read like a real cluster's.</summary>
internal static class Names
{
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "payments", "checkout", "catalog", "search", "identity", "billing", "shipping", "inventory", "analytics", "notifications",
        "media", "reporting", "ml", "web", "mobile-api", "partners", "support", "marketing", "data-platform", "platform",
        "fraud", "loyalty", "pricing", "orders", "messaging", "geo", "ads", "recommendations", "audit", "edge",
    ];

    public static readonly IReadOnlyList<string> SystemNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"];

    public static readonly IReadOnlyList<string> Nouns =
    [
        "account", "address", "basket", "cart", "coupon", "currency", "customer", "delivery", "discount", "document",
        "email", "event", "export", "feed", "gift-card", "image", "import", "invoice", "ledger", "label",
        "merchant", "offer", "order", "parcel", "payout", "pdf", "price", "product", "profile", "promo",
        "quote", "rate", "refund", "review", "route", "session", "sku", "slot", "stock", "store",
        "subscription", "tax", "ticket", "token", "tracking", "user", "voucher", "wallet", "warehouse", "webhook",
    ];

    public static readonly IReadOnlyList<string> Roles =
    [
        "api", "worker", "web", "consumer", "gateway", "scheduler", "exporter", "sync", "indexer", "service",
        "processor", "notifier", "projector", "reconciler", "grpc",
    ];
}
