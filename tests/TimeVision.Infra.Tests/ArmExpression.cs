using System.Globalization;
using System.Text.Json;

namespace TimeVision.Infra.Tests;

/// <summary>
/// Works out a value of a compiled template (an ARM template expression such as <c>[if(variables('signIn'), 'platform',
/// 'closed')]</c>, or plain JSON) as Azure Resource Manager would, for the few functions the access settings, the
/// sign-in resources and the hosting choice use. A value is a string, a bool, a long, or a <see cref="ArmNode"/> (an
/// object or array worked out only where it is read). Any other function (<c>reference</c>, <c>resourceId</c>) throws:
/// those values depend on a real deployment.
/// </summary>
internal static class ArmExpression
{
    /// <summary>The value of <paramref name="element"/> written in <paramref name="scope"/>.</summary>
    public static object? Value(JsonElement element, ArmScope scope) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString() is ['[', not '[', ..] expression => new Parser(expression[1..^1], scope).Whole(),
        JsonValueKind.String => element.GetString() is ['[', '[', ..] escaped ? escaped[1..] : element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => new ArmNode(element, scope),
    };

    /// <summary>A property of an object value.</summary>
    public static object? Property(object? value, string name) => value switch
    {
        ArmNode { Element.ValueKind: JsonValueKind.Object } node => node.Element.TryGetProperty(name, out var property) ? Value(property, node.Scope) : null,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(name),
        _ => throw new InvalidOperationException($"No property {name} on {value}"),
    };

    private sealed class Parser(string text, ArmScope scope)
    {
        private int _at;

        public object? Whole()
        {
            var value = Expression();
            Skip();
            return _at == text.Length ? value : throw new FormatException($"Unread after {_at}: {text}");
        }

        private object? Expression()
        {
            var value = Primary();
            while (Peek() == '.')
            {
                _at++;
                value = Property(value, Identifier());
            }

            return value;
        }

        private object? Primary()
        {
            Skip();
            if (Peek() == '\'')
            {
                return Literal();
            }

            if (char.IsDigit(Peek()) || Peek() == '-')
            {
                var start = _at++;
                while (char.IsDigit(Peek()))
                {
                    _at++;
                }

                return long.Parse(text[start.._at], CultureInfo.InvariantCulture);
            }

            var name = Identifier();
            return Peek() == '(' ? Call(name) : name switch { "true" => true, "false" => false, _ => throw new FormatException($"Bare {name} in {text}") };
        }

        private object? Call(string name)
        {
            var arguments = Arguments();
            return name switch
            {
                "parameters" => scope.Parameter((string)arguments[0]()!),
                "variables" => scope.Variable((string)arguments[0]()!),
                "if" => (bool)arguments[0]()! ? arguments[1]() : arguments[2](),
                "not" => !(bool)arguments[0]()!,
                "empty" => arguments[0]() switch { null => true, string s => s.Length == 0, ArmNode n => n.IsEmpty, _ => false },
                "equals" => Equals(arguments[0](), arguments[1]()),
                "true" => true,
                "false" => false,
                "createObject" => Enumerable.Range(0, arguments.Count / 2).ToDictionary(i => (string)arguments[2 * i]()!, i => arguments[(2 * i) + 1]()),
                _ => throw new NotSupportedException($"{name}() is worked out only by a real deployment"),
            };
        }

        /// <summary>The arguments, each worked out only when a function reads it (as ARM's <c>if</c> does).</summary>
        private List<Func<object?>> Arguments()
        {
            var arguments = new List<Func<object?>>();
            var (depth, start, quoted) = (0, ++_at, false);
            for (; depth >= 0; _at++)
            {
                var c = text[_at];
                quoted ^= c == '\'';
                if (!quoted && (c is ',' || (c is ')' && depth == 0)) && depth == 0)
                {
                    var argument = text[start.._at];
                    if (argument.Trim().Length > 0)
                    {
                        arguments.Add(() => new Parser(argument, scope).Whole());
                    }

                    start = _at + 1;
                }

                depth += quoted ? 0 : c switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            }

            return arguments;
        }

        private string Literal()
        {
            var value = new System.Text.StringBuilder();
            for (_at++; ; _at++)
            {
                if (text[_at] == '\'' && (_at + 1 >= text.Length || text[_at + 1] != '\''))
                {
                    _at++;
                    return value.ToString();
                }

                _at += text[_at] == '\'' ? 1 : 0;
                value.Append(text[_at]);
            }
        }

        private string Identifier()
        {
            Skip();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            return start < _at ? text[start.._at] : throw new FormatException($"No name at {_at}: {text}");
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void Skip()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
