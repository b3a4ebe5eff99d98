using System.Globalization;
using System.Text;

namespace KubeTriage.Storage;

/// <summary>The opaque paging cursor: the creation time and id of the last item of a page, base64url-encoded.</summary>
internal readonly record struct PageCursor(DateTimeOffset CreatedAt, string Id)
{
    public string Encode()
    {
        var text = CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + Id;
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static PageCursor Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var ticks = long.Parse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
            var id = text[(colon + 1)..];
            if (id.Length == 0)
            {
                throw new FormatException("empty id");
            }

            return new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw new ArgumentException("The cursor is not valid; pass the NextCursor of a previous page.", nameof(cursor), ex);
        }
    }
}
