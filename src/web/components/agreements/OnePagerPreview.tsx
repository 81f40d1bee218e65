import { List, Stack, Text, Title } from '@mantine/core';
import { marked, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

/**
 * Renders the one-pager's Markdown as React elements from marked's tokens, never as HTML, so
 * text typed into the agreement (notes, instructions) cannot inject markup.
 */
export function OnePagerPreview({ markdown }: { markdown: string }) {
  const tokens = marked.lexer(markdown);
  return (
    <Stack gap={8} className="one-pager" data-testid="one-pager-preview">
      {tokens.map((t, i) => block(t, i))}
    </Stack>
  );
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      return (
        <Title key={key} order={Math.min(t.depth + 1, 6) as 2 | 3 | 4 | 5 | 6} size={t.depth === 1 ? 'h3' : 'h5'}>
          {inline(t.tokens)}
        </Title>
      );
    }
    case 'paragraph':
      return (
        <Text key={key} size="sm" component="p">
          {inline((token as Tokens.Paragraph).tokens)}
        </Text>
      );
    case 'list': {
      const t = token as Tokens.List;
      return (
        <List key={key} size="sm" type={t.ordered ? 'ordered' : 'unordered'}>
          {t.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
            <List.Item key={i}>
              {item.tokens.flatMap((c) => ('tokens' in c && c.tokens ? inline(c.tokens) : c.raw))}
            </List.Item>
          ))}
        </List>
      );
    }
    case 'space':
      return null;
    default:
      return (
        <Text key={key} size="sm" component="p" style={{ whiteSpace: 'pre-wrap' }}>
          {token.raw}
        </Text>
      );
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  // Inline runs are static text in document order: their place is their identity.
  return (tokens ?? []).map((t, i) => {
    const key = `${i}:${t.type}`;
    if (t.type === 'strong') return <strong key={key}>{inline((t as Tokens.Strong).tokens)}</strong>;
    if (t.type === 'em') return <em key={key}>{inline((t as Tokens.Em).tokens)}</em>;
    if (t.type === 'br') return <br key={key} />;
    if ('tokens' in t && t.tokens) return <span key={key}>{inline(t.tokens)}</span>;
    return 'text' in t ? (t as Tokens.Text).text : t.raw;
  });
}
