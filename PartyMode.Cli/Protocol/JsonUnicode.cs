using System.Text.Json;
using PartyMode.Engine;

namespace PartyMode.Cli.Protocol;

/// <summary>The one check that request bodies and socket frames carry Unicode text (docs/reliability.md §4).</summary>
internal static class JsonUnicode
{
    /// <summary>
    /// JSON can carry text that is no Unicode (invalid UTF-8 bytes, or an escaped lone surrogate such as
    /// <c>"\ud800"</c>); reading it later would throw. Every name and string is checked once, up front,
    /// and the first bad one is named.
    /// </summary>
    public static void RefuseBadText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? field = null;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }

            try
            {
                var text = reader.GetString();
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    field = text;
                }
            }
            catch (InvalidOperationException)
            {
                var where = reader.TokenType == JsonTokenType.PropertyName
                    ? (field is null ? "a field name" : $"the field name after '{field}'")
                    : (field is null ? "a string" : $"'{field}'");
                throw new GameException(ErrorKind.BadRequest, "bad_json", $"The body's {where} holds text that is not valid Unicode (invalid UTF-8 or a lone surrogate); send it as UTF-8 text.");
            }
        }
    }
}
