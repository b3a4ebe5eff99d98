using System.Text;

namespace KubeTriage.Remediation.Kubectl;

/// <summary>Drains a process stream to its end, keeping only the first bytes so a chatty command cannot fill memory or block on a full pipe.</summary>
internal sealed class CappedOutput(int maxBytes)
{
    private readonly MemoryStream _kept = new();

    public bool Truncated { get; private set; }

    public async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = maxBytes - (int)_kept.Length;
            if (read > room)
            {
                Truncated = true;
            }

            if (room > 0)
            {
                _kept.Write(buffer, 0, Math.Min(room, read));
            }
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
}
