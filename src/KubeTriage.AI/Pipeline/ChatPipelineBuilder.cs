using Microsoft.Extensions.AI;

namespace KubeTriage.AI.Pipeline;

/// <summary>Composes middleware around an inner <see cref="IChatClient"/>; the first added runs outermost.</summary>
/// <remarks>A stand-in for <c>Microsoft.Extensions.AI.ChatClientBuilder</c>, which lives outside the Abstractions package.</remarks>
public sealed class ChatPipelineBuilder(IChatClient innerClient)
{
    private readonly List<Func<IChatClient, IChatClient>> _factories = [];

    /// <summary>Adds a middleware factory, typically creating a <see cref="DelegatingChatClient"/>.</summary>
    public ChatPipelineBuilder Use(Func<IChatClient, IChatClient> factory)
    {
        _factories.Add(factory);
        return this;
    }

    /// <summary>Builds the pipeline.</summary>
    public IChatClient Build()
    {
        var client = innerClient;
        for (var i = _factories.Count - 1; i >= 0; i--)
        {
            client = _factories[i](client);
        }

        return client;
    }
}
