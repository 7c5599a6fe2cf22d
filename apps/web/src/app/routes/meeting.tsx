import { useParams } from "react-router";
import { NotFound } from "@/components/ui/not-found";
import { MeetingDetail } from "@/features/meetings/components/meeting-detail";

export function Component() {
  const { id } = useParams();
  if (!id) return <NotFound />;
  return <MeetingDetail key={id} id={id} />;
}
