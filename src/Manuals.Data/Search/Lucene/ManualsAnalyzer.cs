using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Manuals.Core.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Our Japanese analysis (<see cref="SearchAnalyzer"/>: NFKC, bigrams, run ends, okurigana variants, long-vowel folding)
/// as a Lucene analyzer, for documents and queries alike. The tokens, their positions and their offsets on the original
/// text are exactly <see cref="SearchAnalyzer.Analyze"/>'s, so a query's phrases (<see cref="SearchPhrase"/>) match the
/// index the way the analyzer intends.
/// </summary>
public sealed class ManualsAnalyzer : Analyzer
{
    /// <summary>Positions between two values of one field (two tags, two headings): a phrase never runs from one into the next.</summary>
    public const int ValueGap = 2;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new SearchTokenizer(reader));

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <summary>Reads the whole value and hands out <see cref="SearchAnalyzer"/>'s tokens one by one.</summary>
    private sealed class SearchTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private IReadOnlyList<SearchToken> _tokens = [];
        private int _next;
        private int _lastPosition;
        private int _length;

        public SearchTokenizer(TextReader input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            // Lucene.Net's reader for an empty value answers null.
            var text = m_input.ReadToEnd() ?? "";
            _tokens = SearchAnalyzer.Analyze(text);
            _length = text.Length;
            _next = 0;
            _lastPosition = -1;
        }

        public override bool IncrementToken()
        {
            if (_next >= _tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            var token = _tokens[_next++];
            _term.SetEmpty().Append(token.Text);
            _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
            _increment.PositionIncrement = token.Position - _lastPosition;
            _lastPosition = token.Position;
            return true;
        }

        public override void End()
        {
            base.End();
            var end = CorrectOffset(_length);
            _offset.SetOffset(end, end);
        }
    }
}
