import {
  type Active,
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  type Over,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { allowedMoves, isStage, STAGE_LABELS, STAGES, type Stage } from '../../domain/stage.js';
import { api, type Partner, type PartnerListParams } from '../api.js';
import { BoardCard, CardBody } from './BoardCard.js';
import { useMovePartner } from './useMovePartner.js';

/** The board shows at most this many cards; the table pages through any number. */
const BOARD_LIMIT = 500;

// Pointer position first (precise for mouse), rectangles for the keyboard sensor.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** Arrow keys jump a whole column (260px wide + 16px gap) so a keyboard drag is a few presses. */
const COLUMN_STEP = 276;
const columnSteps: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  const dx = { ArrowRight: COLUMN_STEP, ArrowLeft: -COLUMN_STEP }[event.code];
  const dy = { ArrowDown: 40, ArrowUp: -40 }[event.code];
  if (dx === undefined && dy === undefined) return undefined;
  event.preventDefault();
  return { x: currentCoordinates.x + (dx ?? 0), y: currentCoordinates.y + (dy ?? 0) };
};

const nameOf = (active: Active) => (active.data.current?.partner as Partner | undefined)?.name ?? 'The card';
const stageOf = (over: Over | null) => (over && isStage(String(over.id)) ? STAGE_LABELS[over.id as Stage] : null);

/** What screen readers (and the tests) hear while a card is dragged. */
const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${nameOf(active)}.`,
  onDragOver: ({ active, over }) =>
    stageOf(over) ? `${nameOf(active)} is over ${stageOf(over)}.` : `${nameOf(active)} is not over a stage.`,
  onDragEnd: ({ active, over }) =>
    stageOf(over) ? `${nameOf(active)} was dropped on ${stageOf(over)}.` : `${nameOf(active)} was dropped.`,
  onDragCancel: ({ active }) => `Moving ${nameOf(active)} was cancelled.`,
};

export function PartnerBoard({ filters }: { filters: PartnerListParams }) {
  const { stage: _ignored, ...rest } = filters;
  const board = useQuery({
    queryKey: ['partners', 'board', rest],
    queryFn: () => api.listPartners({ ...rest, sort: 'updated', dir: 'desc', limit: BOARD_LIMIT }),
  });
  const move = useMovePartner();
  const [dragging, setDragging] = useState<Partner | null>(null);
  // Cards stay where they were dropped while the server confirms.
  const [pending, setPending] = useState<Record<string, Stage>>({});
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnSteps }),
  );

  const doMove = (partner: Partner, to: Stage) => {
    setPending((p) => ({ ...p, [partner.id]: to }));
    move.mutate(
      { partner, to, undo: (from) => doMove({ ...partner, stage: to }, from) },
      {
        onSettled: () => setPending(({ [partner.id]: _done, ...others }) => others),
      },
    );
  };

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current?.partner as Partner) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    const partner = e.active.data.current?.partner as Partner | undefined;
    setDragging(null);
    const to = e.over?.id;
    if (!partner || typeof to !== 'string' || !isStage(to) || to === partner.stage) return;
    doMove(partner, to);
  };

  const items = (board.data?.items ?? []).map((p) => (pending[p.id] ? { ...p, stage: pending[p.id]! } : p));
  const legal = dragging ? new Set<Stage>([dragging.stage, ...allowedMoves(dragging.stage)]) : null;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {board.data ? `${board.data.total} partners · drag a card by its handle or use its menu to move it` : '\u00a0'}
      </Text>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          screenReaderInstructions: {
            draggable:
              'To pick up a card, press space or enter. Use the arrow keys to move it over another stage, then press space or enter again to drop it, or escape to cancel.',
          },
          announcements,
        }}
      >
        <div className="board" data-testid="board">
          {STAGES.map((stage) => {
            const cards = items.filter((p) => p.stage === stage);
            return (
              <Column key={stage} stage={stage} count={cards.length} disabled={legal !== null && !legal.has(stage)}>
                {board.isPending
                  ? [0, 1].map((i) => <Skeleton key={i} height={64} radius="md" />)
                  : cards.map((p) => <BoardCard key={p.id} partner={p} onMove={(to) => doMove(p, to)} />)}
              </Column>
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <Paper withBorder radius="md" p="sm" shadow="lg" w={240}>
              <CardBody partner={dragging} />
            </Paper>
          )}
        </DragOverlay>
      </DndContext>
    </Stack>
  );
}

function Column({
  stage,
  count,
  disabled,
  children,
}: {
  stage: Stage;
  count: number;
  disabled: boolean;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  return (
    <section
      ref={setNodeRef}
      className="board-column"
      data-over={isOver && !disabled}
      data-disabled={disabled}
      aria-label={`${STAGE_LABELS[stage]} column`}
      data-testid={`column-${stage}`}
    >
      <Group justify="space-between" px="sm" pt="sm" pb="xs">
        <Text fw={650} size="sm">
          {STAGE_LABELS[stage]}
        </Text>
        <Group gap={6}>
          {disabled && (
            <Text size="xs" c="dimmed">
              Not allowed
            </Text>
          )}
          <Badge variant="default" size="sm" className="tabular">
            {count}
          </Badge>
        </Group>
      </Group>
      <Stack gap="xs" p="xs" pt={0} mih={80}>
        {children}
      </Stack>
    </section>
  );
}
