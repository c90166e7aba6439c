using System.Globalization;

namespace PartyMode.Tests.Support;

/// <summary>
/// Draws console text the way a terminal shows it: each character cell 8×16 pixels, the ANSI colour codes
/// applied (16 and 256 colours, 24-bit, reverse), everything else in the theme's own colours.
/// Half blocks fill their half of the cell; a margin of the theme's background surrounds the text.
/// </summary>
internal static class TerminalScreen
{
    private const int CellWidth = 8;
    private const int CellHeight = 16;
    private const int Margin = 4;

    /// <summary>A terminal theme: its default text and background grey levels (0 black, 255 white).</summary>
    internal readonly record struct Theme(string Name, byte Foreground, byte Background)
    {
        public static Theme Dark { get; } = new("dark", 204, 30);

        public static Theme Light { get; } = new("light", 20, 250);

        public static Theme Named(string name) => name == "light" ? Light : Dark;

        public override string ToString() => Name;
    }

    /// <summary>The text as a grey-scale picture (one byte a pixel, row after row).</summary>
    public static (byte[] Pixels, int Width, int Height) Render(string text, Theme theme)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var columns = lines.Max(VisibleLength);
        var width = (columns + (2 * Margin)) * CellWidth;
        var height = (lines.Length + (2 * Margin)) * CellHeight;
        var pixels = new byte[width * height];
        Array.Fill(pixels, theme.Background);
        byte? fg = null, bg = null;
        var reverse = false;
        for (var row = 0; row < lines.Length; row++)
        {
            var line = lines[row];
            var column = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '\u001b' && i + 1 < line.Length && line[i + 1] == '[')
                {
                    var end = line.IndexOf('m', i);
                    Apply(line[(i + 2)..end], ref fg, ref bg, ref reverse);
                    i = end;
                    continue;
                }

                var ink = fg ?? theme.Foreground;
                var paper = bg ?? theme.Background;
                if (reverse)
                {
                    (ink, paper) = (paper, ink);
                }

                var (top, bottom) = line[i] switch
                {
                    '█' => (ink, ink),
                    '▀' => (ink, paper),
                    '▄' => (paper, ink),
                    _ => (paper, paper),
                };
                Fill(pixels, width, Margin + column, Margin + row, top, bottom);
                column++;
            }
        }

        return (pixels, width, height);
    }

    private static int VisibleLength(string line)
    {
        var length = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\u001b')
            {
                i = line.IndexOf('m', i);
                continue;
            }

            length++;
        }

        return length;
    }

    private static void Fill(byte[] pixels, int width, int column, int row, byte top, byte bottom)
    {
        for (var y = 0; y < CellHeight; y++)
        {
            var value = y < CellHeight / 2 ? top : bottom;
            Array.Fill(pixels, value, ((row * CellHeight) + y) * width + (column * CellWidth), CellWidth);
        }
    }

    private static void Apply(string parameters, ref byte? fg, ref byte? bg, ref bool reverse)
    {
        var codes = parameters.Length == 0 ? [0] : parameters.Split(';').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < codes.Length; i++)
        {
            switch (codes[i])
            {
                case 0:
                    fg = bg = null;
                    reverse = false;
                    break;
                case 7:
                    reverse = true;
                    break;
                case 27:
                    reverse = false;
                    break;
                case 39:
                    fg = null;
                    break;
                case 49:
                    bg = null;
                    break;
                case >= 30 and <= 37 or >= 90 and <= 97:
                    fg = Basic(codes[i] >= 90 ? codes[i] - 90 + 8 : codes[i] - 30);
                    break;
                case >= 40 and <= 47 or >= 100 and <= 107:
                    bg = Basic(codes[i] >= 100 ? codes[i] - 100 + 8 : codes[i] - 40);
                    break;
                case 38 or 48:
                    var target = codes[i];
                    byte colour;
                    if (codes[i + 1] == 5)
                    {
                        colour = Palette(codes[i + 2]);
                        i += 2;
                    }
                    else
                    {
                        colour = Grey(codes[i + 2], codes[i + 3], codes[i + 4]);
                        i += 4;
                    }

                    if (target == 38)
                    {
                        fg = colour;
                    }
                    else
                    {
                        bg = colour;
                    }

                    break;
                default:
                    // Bold, underline and the like change no colour here.
                    break;
            }
        }
    }

    // xterm's default 16 colours, as grey levels.
    private static byte Basic(int index) => index switch
    {
        0 => 0,
        7 => 192,
        8 => 128,
        15 => 255,
        < 8 => 90,
        _ => 170,
    };

    private static byte Palette(int index) => index switch
    {
        < 16 => Basic(index),
        < 232 => Grey(Cube((index - 16) / 36), Cube((index - 16) / 6 % 6), Cube((index - 16) % 6)),
        _ => (byte)(8 + ((index - 232) * 10)),
    };

    private static int Cube(int level) => level == 0 ? 0 : 55 + (level * 40);

    private static byte Grey(int r, int g, int b) => (byte)((r * 299 + g * 587 + b * 114) / 1000);
}
